package org.thinkpress.media;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.thinkpress.admin.AdminClient;

/** Uploads a file as the editor's script does: a multipart POST to {@code /admin/uploads}, asking for JSON. */
final class UploadForm {

  private UploadForm() {}

  static HttpResponse<String> post(AdminClient editor, byte[] content, String fileName, String type, String alt) {
    String boundary = "----thinkpress-test-boundary";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + editor.csrf() + "\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"alt\"\r\n\r\n" + alt + "\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
        + "Content-Type: " + type + "\r\n\r\n";
    body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return editor.send(HttpRequest.newBuilder(editor.uri("/admin/uploads"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }
}
