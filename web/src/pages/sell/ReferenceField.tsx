import { Field } from "../../components/Field";
import { t } from "../../i18n";

/**
 * The mobile-money transaction code on the payment sheet: optional, typed as the customer's phone
 * shows it. A code this phone can already tell is wrong is said as soon as it is typed.
 */
export function ReferenceField(props: {
  value: string;
  bad: boolean;
  serverErrors: string[] | undefined;
  onInput: (value: string) => void;
}) {
  const errors = props.bad ? [t("sell.pay.referenceInvalid")] : props.serverErrors;
  return (
    <Field
      name="reference"
      id="pay-reference"
      label={t("sell.pay.reference")}
      hint={t("sell.pay.reference.hint")}
      errors={errors}
      value={props.value}
      autocomplete="off"
      autocapitalize="characters"
      spellcheck={false}
      maxLength={40}
      onInput={(e) => props.onInput(e.currentTarget.value)}
    />
  );
}
