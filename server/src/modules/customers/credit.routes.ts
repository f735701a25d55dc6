import { CustomerIdParams, LedgerResponse, OwingResponse, RepaymentBody, RepaymentResponse } from "@duka/contracts";
import { type App, ctxOf } from "../../lib/http.js";
import { recordRepayment } from "./payments.service.js";
import { getLedger, listOwing } from "./statement.service.js";

/** The credit book over HTTP: repayments, statements and who owes. Credit sales come from sales. */
export default async function creditRoutes(app: App) {
  const { db, clock } = app.deps;
  const tags = ["customers"];

  app.get(
    "/customers/owing",
    { config: { access: "customers.read" }, schema: { tags, response: { 200: OwingResponse } } },
    async (request) => listOwing(db, ctxOf(request)),
  );

  app.post(
    "/customers/:id/payments",
    {
      config: { access: "customers.payments" },
      schema: {
        tags,
        params: CustomerIdParams,
        body: RepaymentBody,
        response: { 200: RepaymentResponse, 201: RepaymentResponse },
      },
    },
    async (request, reply) => {
      const { payment, replay } = await recordRepayment(db, ctxOf(request), request.params.id, {
        ...request.body,
        now: clock(),
      });
      return reply.status(replay ? 200 : 201).send(payment);
    },
  );

  app.get(
    "/customers/:id/ledger",
    {
      config: { access: "customers.read" },
      schema: { tags, params: CustomerIdParams, response: { 200: LedgerResponse } },
    },
    async (request) => getLedger(db, ctxOf(request), request.params.id),
  );
}
