package com.oversight.grievance;

import com.oversight.grievance.GrievanceMessage.AttachmentInfo;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads and decrypts a report's messages with their attachments' names. */
final class GrievanceMessages {

  private GrievanceMessages() {}

  static List<GrievanceMessage> read(JdbcGrievances grievances, GrievanceVault vault,
      String grievanceId) {
    List<Map<String, Object>> attachments = grievances.attachments(grievanceId);
    List<GrievanceMessage> messages = new ArrayList<>();
    for (Map<String, Object> row : grievances.messages(grievanceId)) {
      String id = (String) row.get("id");
      messages.add(new GrievanceMessage(id, (String) row.get("author_role"),
          (String) row.get("author"), (String) row.get("kind"),
          ((Timestamp) row.get("sent_at")).toInstant(),
          vault.decrypt((byte[]) row.get("body"), grievanceId, "message"),
          attachments.stream().filter(a -> id.equals(a.get("message_id")))
              .map(a -> info(vault, a)).toList()));
    }
    return messages;
  }

  /** The attachments sent with the report itself (not with a message). */
  static List<AttachmentInfo> reportAttachments(JdbcGrievances grievances, GrievanceVault vault,
      String grievanceId) {
    return grievances.attachments(grievanceId).stream()
        .filter(a -> a.get("message_id") == null).map(a -> info(vault, a)).toList();
  }

  static AttachmentInfo info(GrievanceVault vault, Map<String, Object> row) {
    String id = (String) row.get("id");
    return new AttachmentInfo(id, vault.decrypt((byte[]) row.get("name"), id, "attachment-name"),
        (String) row.get("content_type"), ((Number) row.get("size_bytes")).longValue());
  }
}
