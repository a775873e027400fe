import { describe, expect, it } from "vitest";
import { SECRET_MASK } from "../proxy/secret-mask";
import { parseForBrowser } from "./present";

describe("a run step as the browser sees it", () => {
  it("masks webhook credentials in a stored answer, as the proxy does", () => {
    const stored = JSON.stringify({
      Webhooks: [
        {
          ID: 1,
          Url: "https://hook:s3cret@mail.example.com/webhooks/postmark",
          HttpAuth: { Username: "hook", Password: "s3cret" },
          HttpHeaders: [{ Name: "X-Secret", Value: "v4lue" }],
        },
      ],
    });
    const seen = JSON.stringify(parseForBrowser(stored));
    expect(seen).not.toContain("s3cret");
    expect(seen).not.toContain("v4lue");
    expect(seen).toContain(SECRET_MASK);
    expect(seen).toContain('"Username":"hook"');
  });

  it("leaves other answers as they were", () => {
    expect(parseForBrowser('{"MessageID":"abc","To":"a@example.com"}')).toEqual({
      MessageID: "abc",
      To: "a@example.com",
    });
    expect(parseForBrowser(null)).toBeNull();
  });
});
