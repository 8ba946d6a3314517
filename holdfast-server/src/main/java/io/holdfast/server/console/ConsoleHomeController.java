package io.holdfast.server.console;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/** The console's first page: what waits, and where to start. */
@Controller
public class ConsoleHomeController {
  private final ConsoleContext context;
  private final JdbcTemplate jdbc;

  public ConsoleHomeController(ConsoleContext context, JdbcTemplate jdbc) {
    this.context = context;
    this.jdbc = jdbc;
  }

  @GetMapping("/console")
  public ModelAndView home(HttpServletRequest request) {
    ConsoleHome home = new ConsoleHome(
        count("SELECT COUNT(*) FROM holds WHERE state = 'HELD'"),
        count("SELECT COUNT(*) FROM holds WHERE state = 'UNDER_INVESTIGATION'"),
        count("SELECT COUNT(*) FROM call_tasks WHERE state = 'OPEN'"),
        count("SELECT COUNT(*) FROM call_tasks WHERE state = 'OPEN' AND assigned_to IS NULL"),
        count("SELECT COUNT(*) FROM cases WHERE state = 'OPEN'"
            + " AND confirm_requested_by IS NOT NULL"));
    return new ModelAndView("console/home", Map.of("page", context.page(request, "Home"),
        "home", home));
  }

  private long count(String sql) {
    Long n = jdbc.queryForObject(sql, Long.class);
    return n == null ? 0 : n;
  }
}
