import { describe, expect, it } from "vitest";
import { suggestModel } from "./index";

describe("suggestModel", () => {
  it("lists plain and dotted variables with <name>_Value placeholders", () => {
    expect(suggestModel(["Hi {{ userName }}, {{company.name}} {{company.address.city}}"])).toEqual({
      userName: "userName_Value",
      company: { name: "name_Value", address: { city: "city_Value" } },
    });
  });

  it("nests section variables and makes each loops arrays with one item", () => {
    expect(
      suggestModel([
        "{{#person}}{{first_name}}{{/person}}{{#each items}}{{name}}{{#each tags}}{{.}}{{/each}}{{/each}}{{#flag}}yes{{/flag}}",
      ]),
    ).toEqual({
      person: { first_name: "first_name_Value" },
      items: [{ name: "name_Value", tags: ["tags_Value"] }],
      flag: "flag_Value",
    });
  });

  it("follows ../ the way rendering does", () => {
    expect(
      suggestModel(["{{#each employees}}{{name}} {{../../company_name}}{{/each}}{{^x}}{{../job_title}}{{/x}}"]),
    ).toEqual({
      employees: [{ name: "name_Value" }],
      company_name: "company_name_Value",
      x: "x_Value",
      job_title: "job_title_Value",
    });
  });

  it("treats each over . inside a section as a list section", () => {
    expect(
      suggestModel(["{{#attachment_details}}{{#each .}}{{attachment_name}}{{/each}}{{/attachment_details}}"]),
    ).toEqual({
      attachment_details: [{ attachment_name: "attachment_name_Value" }],
    });
  });

  it("merges several templates (subject, html, text) into one model", () => {
    expect(suggestModel(["{{subject}}", "{{a.b}}", "{{a.c}}"])).toEqual({
      subject: "subject_Value",
      a: { b: "b_Value", c: "c_Value" },
    });
  });

  it("lets base values win and keeps base-only keys", () => {
    expect(
      suggestModel(["{{userName}} {{company.name}} {{company.phone}}"], {
        userName: "bobby joe",
        company: { name: "ACME" },
        extra: 1,
      }),
    ).toEqual({ userName: "bobby joe", company: { name: "ACME", phone: "phone_Value" }, extra: 1 });
  });

  it("skips invalid paths, placeholders and still reads broken templates", () => {
    expect(suggestModel(["{{{ @content }}}{{{ pm:unsubscribe }}}{{#if x}}{{name}}"])).toEqual({ name: "name_Value" });
  });
});
