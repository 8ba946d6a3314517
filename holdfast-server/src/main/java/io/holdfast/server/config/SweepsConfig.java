package io.holdfast.server.config;

import io.holdfast.core.graph.SweepBounds;
import io.holdfast.core.graph.TraceBounds;
import io.holdfast.core.outreach.OutreachPolicy;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The bounds of sweeps and traces, and the outreach schedule, from configuration. */
@Configuration(proxyBeanMethods = false)
public class SweepsConfig {
  @Bean
  SweepBounds sweepBounds(
      @Value("${holdfast.sweeps.depth:2}") int depth,
      @Value("${holdfast.sweeps.fan-out:20}") int fanOut,
      @Value("${holdfast.sweeps.nodes-max:200}") int nodesMax,
      @Value("${holdfast.sweeps.sharing-max:10}") int sharingMax,
      @Value("${holdfast.sweeps.payers-per-node-max:200000}") int payersPerNodeMax,
      @Value("${holdfast.sweeps.victims-max:200000}") int victimsMax) {
    return new SweepBounds(depth, fanOut, nodesMax, sharingMax, payersPerNodeMax, victimsMax);
  }

  @Bean
  TraceBounds traceBounds(
      @Value("${holdfast.trace.hops:3}") int hops,
      @Value("${holdfast.trace.fan-out:10}") int fanOut,
      @Value("${holdfast.trace.nodes-max:500}") int nodesMax,
      @Value("${holdfast.trace.transfers-per-node-max:50000}") int perNode,
      @Value("${holdfast.trace.transfers-read-max:200000}") int readMax) {
    return new TraceBounds(hops, fanOut, nodesMax, perNode, readMax);
  }

  @Bean
  OutreachPolicy outreachPolicy(
      @Value("${holdfast.outreach.reminders:P3D,P4D}") List<Duration> reminders,
      @Value("${holdfast.outreach.give-up-after:P7D}") Duration giveUpAfter) {
    return new OutreachPolicy(reminders, giveUpAfter);
  }
}
