import {
  CreateSaleBody,
  RefundBody,
  RefundResponse,
  Sale,
  SaleIdParams,
  SaleList,
  SaleListQuery,
  VoidSaleBody,
} from "@duka/contracts";
import { z } from "zod";
import { type App, ctxOf, requestMeta } from "../../lib/http.js";
import { receiptText } from "./receipt.js";
import { openReceiptPdf } from "./receipt-store.js";
import { getSale, listSales } from "./sales.list.js";
import { createSale } from "./sales.service.js";
import { refundSale, voidSale } from "./voids.service.js";

/** Recording, reading, voiding and refunding sales. */
export default async function salesRoutes(app: App) {
  const { db, files, clock } = app.deps;
  const tags = ["sales"];

  app.post(
    "/sales",
    {
      config: { access: "sales.create" },
      schema: { tags, body: CreateSaleBody, response: { 200: Sale, 201: Sale } },
    },
    async (request, reply) => {
      const { sale, replay } = await createSale(db, ctxOf(request), request.body, requestMeta(request));
      return reply.status(replay ? 200 : 201).send(sale);
    },
  );

  app.get(
    "/sales",
    { config: { access: "sales.read" }, schema: { tags, querystring: SaleListQuery, response: { 200: SaleList } } },
    async (request) => listSales(db, ctxOf(request), request.query),
  );

  app.get(
    "/sales/:id",
    { config: { access: "sales.read" }, schema: { tags, params: SaleIdParams, response: { 200: Sale } } },
    async (request) => getSale(db, ctxOf(request), request.params.id),
  );

  app.get(
    "/sales/:id/receipt.txt",
    {
      config: { access: "sales.read" },
      schema: { tags, params: SaleIdParams, produces: ["text/plain"], response: { 200: z.string() } },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const sale = await getSale(db, ctx, request.params.id);
      return reply.type("text/plain; charset=utf-8").send(receiptText(ctx, sale));
    },
  );

  app.get(
    "/sales/:id/receipt.pdf",
    {
      config: { access: "sales.read" },
      schema: {
        tags,
        params: SaleIdParams,
        produces: ["application/pdf"],
        response: {
          200: z.unknown().describe("The sale's receipt as a PDF, made on first request and kept encrypted."),
        },
      },
    },
    async (request, reply) => {
      const { document, body } = await openReceiptPdf(db, files, ctxOf(request), request.params.id, clock());
      return reply
        .header("content-type", "application/pdf")
        .header("content-length", String(document.size))
        .header("content-disposition", `inline; filename="${document.filename}"`)
        .header("cache-control", "private, no-store")
        .send(body);
    },
  );

  app.post(
    "/sales/:id/void",
    {
      config: { access: "sales.void" },
      schema: { tags, params: SaleIdParams, body: VoidSaleBody, response: { 200: Sale } },
    },
    async (request) => voidSale(db, ctxOf(request), request.params.id, request.body.reason, requestMeta(request)),
  );

  app.post(
    "/sales/:id/refunds",
    {
      config: { access: "sales.void" },
      schema: { tags, params: SaleIdParams, body: RefundBody, response: { 200: RefundResponse, 201: RefundResponse } },
    },
    async (request, reply) => {
      const { replay, ...refund } = await refundSale(
        db,
        ctxOf(request),
        request.params.id,
        request.body,
        requestMeta(request),
      );
      return reply.status(replay ? 200 : 201).send(refund);
    },
  );
}
