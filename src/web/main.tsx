import { StrictMode, useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import type { HealthResponse } from "@/contract/api/settings";
import { SignInScreen } from "@/web/features/auth/sign-in-screen";
import { apiRequest } from "@/web/lib/api-client";
import { login } from "@/web/lib/auth-api";
import { safeRedirect } from "@/web/lib/redirect";
import { startThemeSync } from "@/web/lib/theme";
import type * as AppModule from "./app";
import type { AppSeed } from "./app";
import { planBoot, probeSession } from "./boot";
import "./styles.css";

// The boot entry: React, the sign-in page and the session probe, nothing more. The app (router,
// TanStack Query, shell) is one dynamic import, loaded once a session exists (issue 17).

startThemeSync();
const root = createRoot(document.getElementById("root")!);
// Asked beside the probe: the sign-in page shows the mode, and the shell's mode badge reuses it.
const health = apiRequest<HealthResponse>("/api/health");
health.catch(() => {}); // a page shows the mode only when it has it

let app: Promise<typeof AppModule> | null = null;
function loadApp(): Promise<typeof AppModule> {
  app ??= import("./app").catch((e: unknown) => {
    app = null; // let the next attempt try again
    throw e;
  });
  return app;
}

async function showApp(seed: AppSeed): Promise<void> {
  try {
    (await loadApp()).mountApp(root, seed);
  } catch {
    root.render(
      <p role="alert" className="p-6 text-sm text-destructive">
        Mailroom could not load. Check the connection and reload the page.
      </p>,
    );
  }
}

function useSettled<T>(promise: Promise<T>): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    let live = true;
    promise.then(
      (v) => live && setValue(v),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [promise]);
  return value;
}

function BootSignIn({ redirect }: { redirect: string | undefined }) {
  return (
    <SignInScreen
      health={useSettled(health)}
      onSubmit={(input) => {
        // The app is fetched while the credentials are checked, not while the form waits for them.
        loadApp().catch(() => {});
        return login(input);
      }}
      onSignedIn={(session) => {
        history.pushState(null, "", safeRedirect(redirect));
        void showApp({ session, health });
      }}
    />
  );
}

async function boot(): Promise<void> {
  const probe = await probeSession();
  const plan = planBoot(location, probe);
  if (plan.show === "app") {
    await showApp({ session: probe.state === "signed-in" ? probe.session : undefined, health });
    return;
  }
  if (plan.url) history.replaceState(null, "", plan.url);
  root.render(
    <StrictMode>
      <BootSignIn redirect={plan.redirect} />
    </StrictMode>,
  );
}

void boot();
