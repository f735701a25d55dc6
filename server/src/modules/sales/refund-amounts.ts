/**
 * What each line is worth after the sale-level discount, shared out in proportion to the lines'
 * totals by largest remainder: the shares add up to the discount exactly and no line takes more
 * than its own total, so refunding every line gives back exactly the sale's total.
 */
export function lineNets(lineTotals: number[], saleDiscount: number): number[] {
  const subtotal = lineTotals.reduce((a, b) => a + b, 0);
  if (saleDiscount === 0 || subtotal === 0) return [...lineTotals];
  const exact = lineTotals.map((t) => BigInt(saleDiscount) * BigInt(t));
  const s = BigInt(subtotal);
  const shares = exact.map((e) => Number(e / s));
  let left = saleDiscount - shares.reduce((a, b) => a + b, 0);
  const byRemainder = exact
    .map((e, i) => ({ i, r: e % s }))
    .sort((a, b) => (b.r > a.r ? 1 : b.r < a.r ? -1 : a.i - b.i));
  for (const { i } of byRemainder) {
    if (left === 0) break;
    shares[i] = (shares[i] ?? 0) + 1;
    left--;
  }
  return lineTotals.map((t, i) => t - (shares[i] ?? 0));
}

/** net × part / whole in minor units, rounded half up; BigInt because net × part can pass 2^53. */
function share(net: number, partMilli: number, wholeMilli: number): number {
  const whole = BigInt(wholeMilli);
  return Number((BigInt(net) * BigInt(partMilli) * 2n + whole) / (2n * whole));
}

/**
 * The money for refunding `qty` more of a line of which `before` was already refunded: the
 * difference of two cumulative shares, so refunding a line in pieces adds up to refunding it whole.
 */
export function refundAmount(net: number, quantityMilli: number, beforeMilli: number, qtyMilli: number): number {
  return share(net, beforeMilli + qtyMilli, quantityMilli) - share(net, beforeMilli, quantityMilli);
}
