import {
  Id,
  ProductCategories,
  ProductCreateBody,
  ProductDetail,
  ProductListQuery,
  ProductPage,
  ProductPatchBody,
} from "@duka/contracts";
import { z } from "zod";
import { type App, ctxOf } from "../../lib/http.js";
import { localDate } from "../../lib/time.js";
import { present, presentAll } from "../auth/policy.js";
import { exportProductsCsv } from "./products.export.js";
import { listProducts } from "./products.list.js";
import { createProduct, getProduct, listCategories, updateProduct } from "./products.service.js";

const ById = z.object({ id: Id });

export default async function productRoutes(app: App) {
  const { db, clock } = app.deps;
  const tags = ["products"];

  app.post(
    "/products",
    {
      config: { access: "products.write" },
      schema: { tags, body: ProductCreateBody, response: { 201: ProductDetail } },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      return reply.status(201).send(present(ctx, "productDetail", await createProduct(db, ctx, request.body, clock())));
    },
  );

  app.get(
    "/products",
    {
      config: { access: "products.read" },
      schema: { tags, querystring: ProductListQuery, response: { 200: ProductPage } },
    },
    async (request) => {
      const ctx = ctxOf(request);
      const page = await listProducts(db, ctx, request.query);
      return { ...page, items: presentAll(ctx, "product", page.items) };
    },
  );

  app.get(
    "/products/categories",
    { config: { access: "products.read" }, schema: { tags, response: { 200: ProductCategories } } },
    async (request) => listCategories(db, ctxOf(request)),
  );

  app.get(
    "/products/export.csv",
    {
      config: { access: "stock.export" },
      schema: { tags, produces: ["text/csv"], response: { 200: z.string().describe("CSV, UTF-8") } },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const csv = await exportProductsCsv(db, ctx);
      const day = localDate(clock(), ctx.business.timeZone);
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="products-${day}.csv"`)
        .send(csv);
    },
  );

  app.get(
    "/products/:id",
    { config: { access: "products.read" }, schema: { tags, params: ById, response: { 200: ProductDetail } } },
    async (request) => {
      const ctx = ctxOf(request);
      return present(ctx, "productDetail", await getProduct(db, ctx, request.params.id));
    },
  );

  app.patch(
    "/products/:id",
    {
      config: { access: "products.write" },
      schema: { tags, params: ById, body: ProductPatchBody, response: { 200: ProductDetail } },
    },
    async (request) => {
      const ctx = ctxOf(request);
      return present(ctx, "productDetail", await updateProduct(db, ctx, request.params.id, request.body, clock()));
    },
  );
}
