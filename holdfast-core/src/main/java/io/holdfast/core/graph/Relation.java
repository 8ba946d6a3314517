package io.holdfast.core.graph;

/** How an account belongs to a scammer's cluster. */
public enum Relation {
  /** The confirmed scammer the sweep started from. */
  SCAMMER,
  /** Received the cluster's money and paid it on: a mule. */
  MULE,
  /** Used a device that a cluster account used. */
  DEVICE,
  /** Used an IP address that a cluster account used. */
  IP
}
