import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { describe, expect, it, vi } from "vitest";
import { login } from "@/web/lib/session";
import { server } from "@/web/test/msw";
import { SignInForm } from "./sign-in-form";

describe("SignInForm", () => {
  it("validates with loginRequest before sending anything", async () => {
    const onSubmit = vi.fn();
    render(<SignInForm onSubmit={onSubmit} onSignedIn={vi.fn()} />);
    await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByText("Enter your username")).toBeInTheDocument();
    expect(screen.getByText("Enter your password")).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it("signs in and hands over the session", async () => {
    const session = { user: { id: 1, username: "admin", role: "admin" }, expiresAt: "2030-01-01T00:00:00Z" };
    server.use(
      http.post("*/api/auth/login", async ({ request }) => {
        const body = (await request.json()) as { username: string };
        return HttpResponse.json({ ...session, user: { ...session.user, username: body.username } });
      }),
    );
    const onSignedIn = vi.fn();
    render(<SignInForm onSubmit={login} onSignedIn={onSignedIn} />);
    await userEvent.type(screen.getByLabelText("Username"), "  admin ");
    await userEvent.type(screen.getByLabelText("Password"), "secret-password");
    await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
    await vi.waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(session));
  });

  it("shows the server's message on wrong credentials", async () => {
    server.use(
      http.post("*/api/auth/login", () =>
        HttpResponse.json(
          { error: { code: "unauthenticated", message: "Wrong username or password." } },
          { status: 401 },
        ),
      ),
    );
    render(<SignInForm onSubmit={login} onSignedIn={vi.fn()} />);
    await userEvent.type(screen.getByLabelText("Username"), "admin");
    await userEvent.type(screen.getByLabelText("Password"), "nope");
    await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByTestId("sign-in-error")).toHaveTextContent("Wrong username or password.");
  });

  it("says when sign-in is throttled", async () => {
    server.use(
      http.post("*/api/auth/login", () =>
        HttpResponse.json(
          { error: { code: "too_many_requests", message: "Too many attempts; try again in a minute." } },
          { status: 429 },
        ),
      ),
    );
    render(<SignInForm onSubmit={login} onSignedIn={vi.fn()} />);
    await userEvent.type(screen.getByLabelText("Username"), "admin");
    await userEvent.type(screen.getByLabelText("Password"), "nope");
    await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByTestId("sign-in-error")).toHaveTextContent("Too many attempts");
  });
});
