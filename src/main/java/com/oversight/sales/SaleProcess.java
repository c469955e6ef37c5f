package com.oversight.sales;

import static com.oversight.platform.ProcessValues.text;

import com.oversight.platform.ProcessVariables;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Small helpers shared by the sale-approval delegates and listeners. */
final class SaleProcess {

  private SaleProcess() {}

  static String caseId(VariableScope scope) {
    String caseId = text(scope, ProcessVariables.CASE_ID);
    if (caseId == null) {
      throw new IllegalStateException("The process has no caseId: the case was not registered");
    }
    return caseId;
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
