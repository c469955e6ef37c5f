package com.oversight.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Registers the history level {@value PerProcessHistoryLevel#NAME} (a history per process,
 * {@link PerProcessHistoryLevel}, configured by {@link HistorySettings}) with the process engine,
 * selected by {@code camunda.bpm.history-level: per-process}.
 *
 * <p>The engine stores the id of its history level in the database and refuses to start when the
 * configured level's id differs. Level {@code per-process} writes what {@code full} writes for
 * every process not configured lean, so a database switches between the two when the
 * configuration does: before the engine starts, this plugin changes the stored id from
 * {@code full} to {@code per-process} or back (and from no other level). All nodes of a cluster
 * must be configured alike (docs/history.md).
 */
@Component
public class PerProcessHistory extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(PerProcessHistory.class);

  private final PerProcessHistoryLevel level;

  public PerProcessHistory(HistorySettings settings) {
    this.level = new PerProcessHistoryLevel(new HashSet<>(settings.leanProcesses()),
        new HashSet<>(settings.leanVariables()),
        new HashSet<>(settings.leanSkippedActivityTypes()));
  }

  public PerProcessHistoryLevel level() {
    return level;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryLevel> custom = configuration.getCustomHistoryLevels() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryLevels());
    custom.add(level);
    configuration.setCustomHistoryLevels(custom);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    HistoryLevel configured = configuration.getHistoryLevel();
    if (configured == null) {
      return;
    }
    if (configured.getId() == PerProcessHistoryLevel.ID) {
      LOG.info("History level {}: lean history for {}, full for every other process",
          PerProcessHistoryLevel.NAME, level.leanProcesses().isEmpty() ? "no process"
              : String.join(", ", level.leanProcesses().stream().sorted().toList()));
      switchStoredLevel(configuration, HistoryLevel.HISTORY_LEVEL_FULL.getId(),
          PerProcessHistoryLevel.ID);
    } else if (configured.getId() == HistoryLevel.HISTORY_LEVEL_FULL.getId()) {
      switchStoredLevel(configuration, PerProcessHistoryLevel.ID,
          HistoryLevel.HISTORY_LEVEL_FULL.getId());
    }
  }

  /** Changes the history level stored in the database from one id to the other, if it is set. */
  static void switchStoredLevel(ProcessEngineConfigurationImpl configuration, int from, int to) {
    DataSource data = configuration.getDataSource();
    if (data == null) {
      return;
    }
    String prefix = configuration.getDatabaseTablePrefix() == null ? ""
        : configuration.getDatabaseTablePrefix();
    try (Connection connection = data.getConnection()) {
      if (!hasPropertyTable(connection, prefix)) {
        return; // an empty database: the engine creates its schema and stores the level
      }
      try (PreparedStatement update = connection.prepareStatement("UPDATE " + prefix
          + "ACT_GE_PROPERTY SET VALUE_ = ?, REV_ = REV_ + 1 WHERE NAME_ = 'historyLevel'"
          + " AND VALUE_ = ?")) {
        update.setString(1, Integer.toString(to));
        update.setString(2, Integer.toString(from));
        if (update.executeUpdate() > 0) {
          LOG.warn("History level stored in the database changed from {} to {} (the configured"
              + " camunda.bpm.history-level)", from, to);
        }
      }
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read or change the history level stored in the"
          + " database: " + e.getMessage(), e);
    }
  }

  private static boolean hasPropertyTable(Connection connection, String prefix)
      throws SQLException {
    String table = prefix + "ACT_GE_PROPERTY";
    for (String name : List.of(table, table.toLowerCase())) {
      try (var tables = connection.getMetaData().getTables(null, null, name, null)) {
        if (tables.next()) {
          return true;
        }
      }
    }
    return false;
  }
}
