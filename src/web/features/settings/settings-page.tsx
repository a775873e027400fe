import { getRouteApi } from "@tanstack/react-router";
import { Bell, PlugZap, Users, Webhook } from "lucide-react";
import { PageHeader } from "@/web/components/page-header";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/web/components/ui/tabs";
import { useSessionUser } from "@/web/lib/session";
import { ConnectionPanel } from "./components/connection-panel";
import { NotificationsPanel } from "./notifications-panel";
import { UsersPanel } from "./components/users-panel";
import { WebhookWiring } from "./webhook-wiring";

const route = getRouteApi("/_app/settings");

export function SettingsPage() {
  const { tab } = route.useSearch();
  const navigate = route.useNavigate();
  const user = useSessionUser();
  const isAdmin = user?.role === "admin";
  return (
    <div className="mx-auto w-full max-w-4xl">
      <PageHeader
        title="Settings"
        description="Who may use Mailroom, how it reaches Postmark, and how Postmark reaches it."
      />
      <Tabs value={tab} onValueChange={(v) => void navigate({ search: { tab: v as typeof tab } })}>
        <TabsList>
          <TabsTrigger value="users">
            <Users aria-hidden />
            Users
          </TabsTrigger>
          <TabsTrigger value="connection">
            <PlugZap aria-hidden />
            Postmark connection
          </TabsTrigger>
          <TabsTrigger value="webhooks">
            <Webhook aria-hidden />
            Webhooks
          </TabsTrigger>
          <TabsTrigger value="notifications">
            <Bell aria-hidden />
            Notifications
          </TabsTrigger>
        </TabsList>
        <TabsContent value="users">{isAdmin ? <UsersPanel currentUserId={user.id} /> : <AdminOnly />}</TabsContent>
        <TabsContent value="connection">{isAdmin ? <ConnectionPanel /> : <AdminOnly />}</TabsContent>
        <TabsContent value="webhooks">{isAdmin ? <WebhookWiring /> : <AdminOnly />}</TabsContent>
        {/* Every user chooses their own notifications, whatever their role. */}
        <TabsContent value="notifications">
          <NotificationsPanel />
        </TabsContent>
      </Tabs>
    </div>
  );
}

function AdminOnly() {
  return (
    <p className="rounded-md border bg-muted/40 p-4 text-sm text-muted-foreground">
      Only an admin can change these settings. Ask an admin of this Mailroom.
    </p>
  );
}
