import {
  CreateCustomerBody,
  CursorQuery,
  CustomerDetail,
  CustomerIdParams,
  CustomerListQuery,
  CustomerListResponse,
  CustomerSalesResponse,
  UpdateCustomerBody,
} from "@duka/contracts";
import { z } from "zod";
import { type App, ctxOf } from "../../lib/http.js";
import { present } from "../auth/policy.js";
import creditRoutes from "./credit.routes.js";
import { createCustomer, getCustomer, listCustomers, updateCustomer } from "./customers.service.js";
import { exportCustomersCsv } from "./export.service.js";
import { getPurchaseHistory } from "./history.service.js";

export default async function customersRoutes(app: App) {
  const { db, clock } = app.deps;
  const tags = ["customers"];

  app.get(
    "/customers",
    {
      config: { access: "customers.read" },
      schema: { tags, querystring: CustomerListQuery, response: { 200: CustomerListResponse } },
    },
    async (request) => listCustomers(db, ctxOf(request), request.query),
  );

  app.post(
    "/customers",
    {
      config: { access: "customers.create" },
      schema: { tags, body: CreateCustomerBody, response: { 200: CustomerDetail, 201: CustomerDetail } },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const { replay, ...customer } = await createCustomer(db, ctx, request.body);
      return reply.status(replay ? 200 : 201).send(present(ctx, "customer", customer));
    },
  );

  app.get(
    "/customers/export.csv",
    { config: { access: "customers.export" }, schema: { tags, response: { 200: z.string() } } },
    async (request, reply) => {
      const { csv, filename } = await exportCustomersCsv(db, ctxOf(request), clock());
      // With a non-JSON content type, Fastify sends the string as it is (no JSON serializer).
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${filename}"`)
        .send(csv);
    },
  );

  app.get(
    "/customers/:id",
    {
      config: { access: "customers.read" },
      schema: { tags, params: CustomerIdParams, response: { 200: CustomerDetail } },
    },
    async (request) => {
      const ctx = ctxOf(request);
      return present(ctx, "customer", await getCustomer(db, ctx, request.params.id));
    },
  );

  app.patch(
    "/customers/:id",
    {
      config: { access: "customers.write" },
      schema: { tags, params: CustomerIdParams, body: UpdateCustomerBody, response: { 200: CustomerDetail } },
    },
    async (request) => {
      const ctx = ctxOf(request);
      return present(
        ctx,
        "customer",
        await updateCustomer(db, ctx, request.params.id, { ...request.body, now: clock() }),
      );
    },
  );

  app.get(
    "/customers/:id/sales",
    {
      config: { access: "customers.history" },
      schema: { tags, params: CustomerIdParams, querystring: CursorQuery, response: { 200: CustomerSalesResponse } },
    },
    async (request) => getPurchaseHistory(db, ctxOf(request), request.params.id, request.query),
  );

  await creditRoutes(app);
}
