/**
 * Preloaded into the server (node --require) only by the bench, to learn the exact SQL one sale runs.
 * SIGUSR2 switches recording on and off (no cost while off): every query sent through node-postgres
 * is then appended to the file named by DUKA_BENCH_CAPTURE as one JSON line: the connection, the
 * text, the parameters and the rows answered.
 */
const fs = require("node:fs");
const pg = require("pg");

const file = process.env.DUKA_BENCH_CAPTURE;
if (file) {
  let on = false;
  process.on("SIGUSR2", () => {
    on = !on;
  });
  const original = pg.Client.prototype.query;
  let nextClient = 1;
  const ids = new WeakMap();
  const clientId = (c) => {
    if (!ids.has(c)) ids.set(c, nextClient++);
    return ids.get(c);
  };
  const text = (q) => (typeof q === "string" ? q : q && typeof q.text === "string" ? q.text : null);
  pg.Client.prototype.query = function query(config, values, callback) {
    const sqlText = text(config);
    if (!on || !sqlText) return original.call(this, config, values, callback);
    const params = Array.isArray(values) ? values : config && Array.isArray(config.values) ? config.values : [];
    const entry = {
      client: clientId(this),
      text: sqlText,
      values: params.map((v) => (v instanceof Date ? v.toISOString() : v)),
    };
    const result = original.call(this, config, values, callback);
    if (result && typeof result.then === "function") {
      return result.then((r) => {
        const rows = r && Array.isArray(r.rows) ? r.rows : [];
        fs.appendFileSync(file, `${JSON.stringify({ ...entry, rows })}\n`);
        return r;
      });
    }
    fs.appendFileSync(file, `${JSON.stringify({ ...entry, rows: [] })}\n`);
    return result;
  };
}
