import { tillLocation } from "../../data/catalogue";
import { useLocationList } from "../../data/hooks";
import { useMe } from "../../session";
import { savedLocation } from "./cart";
import { useTillRules } from "./rules";

/**
 * The location this till sells from, whose stock it shows: the owner's last choice, else the
 * user's first open location. Undefined until the locations are known (the stock shown is then
 * the user's total).
 */
export function useTillLocation(): string | undefined {
  const me = useMe();
  const rules = useTillRules();
  const list = useLocationList();
  return tillLocation(list.data?.items, rules.chooseLocation ? savedLocation(me.user.id) : "");
}
