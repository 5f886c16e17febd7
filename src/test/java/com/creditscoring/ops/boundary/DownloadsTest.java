package com.creditscoring.ops.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DownloadsTest {

  @Test
  void aFileIsSavedOrShownUnderItsQuotedName() {
    assertEquals("attachment; filename=\"batch-job-7-decisions.csv\"", Downloads.attachment("batch-job-7-decisions.csv"));
    assertEquals("inline; filename=\"model_card-model-3-20261125T011500Z-0a1b2c3d4e.pdf\"", Downloads.inline("model_card-model-3-20261125T011500Z-0a1b2c3d4e.pdf"));
  }

  @Test
  void aNameThatWouldNeedQuotingOrCouldLeaveItsFolderIsRefused() {
    for (String name : new String[] {"a\"b.pdf", "../x.pdf", "a b.pdf", "отчёт.pdf", "", ".hidden"}) {
      assertThrows(IllegalArgumentException.class, () -> Downloads.attachment(name), name);
    }
  }
}
