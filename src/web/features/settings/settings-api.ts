import { queryOptions } from "@tanstack/react-query";
import type { CreateUserRequest, UpdateUserRequest, User, UserResponse, UsersResponse } from "@/contract/api/auth";
import type { ConnectionStatus, SaveConnectionRequest } from "@/contract/api/settings";
import { apiRequest } from "@/web/lib/api-client";

export const usersQuery = queryOptions({
  queryKey: ["users"],
  queryFn: () => apiRequest<UsersResponse>("/api/users"),
});

export const connectionQuery = queryOptions({
  queryKey: ["settings", "connection"],
  queryFn: () => apiRequest<ConnectionStatus>("/api/settings/connection"),
});

export const createUser = async (input: CreateUserRequest): Promise<User> =>
  (await apiRequest<UserResponse>("/api/users", { method: "POST", body: input })).user;
export const updateUser = async (id: number, input: UpdateUserRequest): Promise<User> =>
  (await apiRequest<UserResponse>(`/api/users/${id}`, { method: "PATCH", body: input })).user;
export const deleteUser = (id: number) => apiRequest(`/api/users/${id}`, { method: "DELETE" });

export const saveConnection = (input: SaveConnectionRequest) =>
  apiRequest<ConnectionStatus>("/api/settings/connection", { method: "PUT", body: input });
export const forgetConnection = () => apiRequest<ConnectionStatus>("/api/settings/connection", { method: "DELETE" });
