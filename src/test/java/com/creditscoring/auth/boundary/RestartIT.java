package com.creditscoring.auth.boundary;

import static com.creditscoring.testing.Accounts.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.creditscoring.testing.Accounts;
import com.creditscoring.testing.Api;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sessions survive a restart: the signing key lives in the database (none is configured here),
 * so a token issued before the restart is accepted after it. Each deploy starts a new Payara Micro
 * process on the same database.
 */
@ExtendWith(ArquillianExtension.class)
class RestartIT {

  private static final String APP = "restarted";

  @ArquillianResource Deployer deployer;

  @Deployment(name = APP, managed = false, testable = false)
  static WebArchive war() {
    return Api.builtWar(RestartIT.class);
  }

  @Test
  void tokensIssuedBeforeARestartAreAcceptedAfterIt() {
    deployer.deploy(APP);
    JsonObject before = Accounts.tokens("admin", Api.ADMIN_PASSWORD);
    deployer.undeploy(APP);

    deployer.deploy(APP);
    try {
      Api.Reply me = Api.get("/api/me", "Authorization", bearer(before.getString("access_token")));
      assertEquals(200, me.status(), me::toString);
      Api.Reply refreshed =
          Api.postJson("/api/refresh", "{\"refresh_token\":\"" + before.getString("refresh_token") + "\"}");
      assertEquals(200, refreshed.status(), refreshed::toString);
    } finally {
      deployer.undeploy(APP);
    }
  }
}
