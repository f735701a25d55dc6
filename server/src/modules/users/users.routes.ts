import {
  ChangePasswordBody,
  CreateUserBody,
  IdParams,
  Ok,
  ResetPasswordBody,
  UpdateUserBody,
  UserItem,
  UserList,
} from "@duka/contracts";
import { type App, ctxOf, requestMeta } from "../../lib/http.js";
import { changeOwnPassword } from "./own-password.service.js";
import { createUser, listUsers, resetPassword, updateUser } from "./users.service.js";

export default async function usersRoutes(app: App) {
  const { db } = app.deps;
  const ok = { ok: true as const };

  app.get(
    "/users",
    { config: { access: "users.manage" }, schema: { tags: ["users"], response: { 200: UserList } } },
    async (request) => ({ items: await listUsers(db, ctxOf(request)) }),
  );

  app.post(
    "/users",
    {
      config: { access: "users.manage" },
      schema: { tags: ["users"], body: CreateUserBody, response: { 201: UserItem } },
    },
    async (request, reply) =>
      reply.status(201).send(await createUser(db, ctxOf(request), request.body, requestMeta(request))),
  );

  app.patch(
    "/users/:id",
    {
      config: { access: "users.manage" },
      schema: { tags: ["users"], params: IdParams, body: UpdateUserBody, response: { 200: UserItem } },
    },
    async (request) => updateUser(db, ctxOf(request), request.params.id, request.body, requestMeta(request)),
  );

  app.post(
    "/users/:id/password",
    {
      config: { access: "users.manage" },
      schema: { tags: ["users"], params: IdParams, body: ResetPasswordBody, response: { 200: Ok } },
    },
    async (request) => {
      await resetPassword(db, ctxOf(request), request.params.id, request.body.password, requestMeta(request));
      return ok;
    },
  );

  app.post(
    "/me/password",
    {
      config: { access: "session" },
      schema: { tags: ["users"], body: ChangePasswordBody, response: { 200: Ok } },
    },
    async (request) => {
      await changeOwnPassword(db, ctxOf(request), request.body, requestMeta(request));
      return ok;
    },
  );
}
