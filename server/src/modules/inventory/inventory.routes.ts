import {
  Id,
  LowStockCount,
  LowStockList,
  LowStockQuery,
  StockAttention,
  StockCountCreateBody,
  StockCountDetail,
  StockCountLinesBody,
  StockCountList,
  StockCountListQuery,
  StockMovementBody,
  StockMovementPage,
  StockMovementQuery,
  StockMovementResult,
} from "@duka/contracts";
import { z } from "zod";
import { type App, ctxOf } from "../../lib/http.js";
import { presentAll } from "../auth/policy.js";
import { lowStock, lowStockCount, stockAttention } from "./alerts.service.js";
import { applyCount, cancelCount, getCount, listCounts, openCount, saveLines } from "./counts.service.js";
import { listMovements, recordMovement } from "./movements.service.js";

const ById = z.object({ id: Id });

/** The stock ledger, stocktakes and low-stock alerts. */
export default async function inventoryRoutes(app: App) {
  const { db, clock } = app.deps;
  const tags = ["inventory"];

  app.post(
    "/stock-movements",
    {
      // Receiving is the floor; adjust and transfer are checked for their own permission in the service.
      config: { access: "stock.receive" },
      schema: { tags, body: StockMovementBody, response: { 201: StockMovementResult } },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const result = await recordMovement(db, ctx, request.body, clock());
      return reply.status(201).send({ ...result, movements: presentAll(ctx, "stockMovement", result.movements) });
    },
  );

  app.get(
    "/stock-movements",
    {
      config: { access: "stock.read" },
      schema: { tags, querystring: StockMovementQuery, response: { 200: StockMovementPage } },
    },
    async (request) => {
      const ctx = ctxOf(request);
      const page = await listMovements(db, ctx, request.query);
      return { ...page, items: presentAll(ctx, "stockMovement", page.items) };
    },
  );

  app.post(
    "/stock-counts",
    {
      config: { access: "stock.count" },
      schema: { tags, body: StockCountCreateBody, response: { 201: StockCountDetail } },
    },
    async (request, reply) => reply.status(201).send(await openCount(db, ctxOf(request), request.body, clock())),
  );

  app.get(
    "/stock-counts",
    {
      config: { access: "stock.count" },
      schema: { tags, querystring: StockCountListQuery, response: { 200: StockCountList } },
    },
    async (request) => listCounts(db, ctxOf(request), request.query),
  );

  app.get(
    "/stock-counts/:id",
    { config: { access: "stock.count" }, schema: { tags, params: ById, response: { 200: StockCountDetail } } },
    async (request) => getCount(db, ctxOf(request), request.params.id),
  );

  app.put(
    "/stock-counts/:id/lines",
    {
      config: { access: "stock.count" },
      schema: { tags, params: ById, body: StockCountLinesBody, response: { 200: StockCountDetail } },
    },
    async (request) => saveLines(db, ctxOf(request), request.params.id, request.body.lines, clock()),
  );

  app.post(
    "/stock-counts/:id/apply",
    { config: { access: "stock.adjust" }, schema: { tags, params: ById, response: { 200: StockCountDetail } } },
    async (request) => applyCount(db, ctxOf(request), request.params.id, clock()),
  );

  app.post(
    "/stock-counts/:id/cancel",
    { config: { access: "stock.count" }, schema: { tags, params: ById, response: { 200: StockCountDetail } } },
    async (request) => cancelCount(db, ctxOf(request), request.params.id),
  );

  app.get(
    "/alerts/low-stock",
    { config: { access: "stock.read" }, schema: { tags, querystring: LowStockQuery, response: { 200: LowStockList } } },
    async (request) => lowStock(db, ctxOf(request), request.query.locationId),
  );

  app.get(
    "/stock/attention",
    {
      // The owner's "count me" and below-zero lists: correcting stock is theirs (stock.adjust).
      config: { access: "stock.adjust" },
      schema: { tags, querystring: LowStockQuery, response: { 200: StockAttention } },
    },
    async (request) => stockAttention(db, ctxOf(request), request.query.locationId),
  );

  app.get(
    "/alerts/low-stock/count",
    {
      config: { access: "stock.read" },
      schema: { tags, querystring: LowStockQuery, response: { 200: LowStockCount } },
    },
    async (request) => lowStockCount(db, ctxOf(request), request.query.locationId),
  );
}
