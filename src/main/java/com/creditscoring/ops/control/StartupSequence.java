package com.creditscoring.ops.control;

import com.creditscoring.auth.control.AdminAccount;
import com.creditscoring.auth.control.Sessions;
import com.creditscoring.auth.control.SigningKeys;
import com.creditscoring.datasets.control.DatasetCatalog;
import com.creditscoring.models.control.ModelRegistry;
import com.creditscoring.scoring.control.BatchJobs;
import com.creditscoring.models.control.TrainingJobs;
import com.creditscoring.storage.control.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.health.Readiness;

/**
 * Everything that must hold before the first request is served: settings valid, schema migrated,
 * an administrator present. The server does not route requests to the application until this has
 * returned.
 */
@ApplicationScoped
public class StartupSequence {

  private static final Logger LOG = Logger.getLogger(StartupSequence.class.getName());

  @Inject LogSettings logSettings;
  @Inject DataFolder dataFolder;
  @Inject Database database;
  @Inject AdminAccount adminAccount;
  @Inject DatasetCatalog datasets;
  @Inject TrainingJobs trainingJobs;
  @Inject ModelRegistry models;
  @Inject BatchJobs batchJobs;
  @Inject SigningKeys signingKeys;
  @Inject Sessions sessions;

  /**
   * Payara Micro keeps running with no application when a deployment fails, which looks alive to a
   * process manager. By default a failed start-up therefore ends the process (STARTUP_EXIT_ON_FAILURE),
   * so systemd or Kubernetes see the failure and the one line that explains it.
   */
  @Inject Config config;
  @Inject @Readiness DataFolderHealthCheck dataFolderCheck;

  void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    try {
      logSettings.apply();
      LOG.info(() -> "Schema at change set " + database.appliedChangeSets() + " on " + database.productName());
      adminAccount.ensureExists();
      datasets.ensureBuiltIns();
      trainingJobs.watchForAbandonedJobs();
      batchJobs.watchForAbandonedJobs();
      LOG.info(() -> "Active model: " + models.active().map(m -> m.id() + " (" + m.model().algorithm() + ")").orElse("none yet"));
      // Checked now rather than on the first request: signing key in place, token settings valid.
      LOG.info(() -> "Access tokens are signed with key " + signingKeys.keyId());
      LOG.info(() -> "Access tokens last " + sessions.accessTokenLifetime().toMinutes() + " minutes");
      LOG.info(() -> "Data folder " + dataFolderCheck.call().getStatus() + ": " + dataFolder.root());
    } catch (RuntimeException e) {
      fail(e, config);
      throw e;
    }
  }

  /**
   * Logs why start-up failed in one line (the setting to fix, or the deepest cause with its stack
   * trace) and, unless {@code STARTUP_EXIT_ON_FAILURE} is false, ends the process. Also used by
   * code that runs before this bean exists.
   */
  public static void fail(RuntimeException e, Config config) {
    // CDI wraps what a bean's @PostConstruct throws: look for the setting underneath.
    InvalidSettingException setting = settingBehind(e);
    if (setting != null) {
      LOG.severe("Start-up stopped, invalid setting " + setting.getMessage());
    } else {
      LOG.log(Level.SEVERE, "Start-up stopped: " + deepestMessage(e), e);
    }
    boolean exit =
        Settings.flag(
            "STARTUP_EXIT_ON_FAILURE",
            config.getOptionalValue("startup.exit-on-failure", String.class).orElse("true"));
    if (exit) {
      // Exit from another thread: the deployment thread holds locks the shutdown hooks need.
      new Thread(() -> System.exit(3), "startup-failure-exit").start();
    }
  }

  private static InvalidSettingException settingBehind(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InvalidSettingException setting) {
        return setting;
      }
    }
    return null;
  }

  private static String deepestMessage(Throwable e) {
    Throwable deepest = e;
    while (deepest.getCause() != null) {
      deepest = deepest.getCause();
    }
    return deepest.getMessage();
  }

}
