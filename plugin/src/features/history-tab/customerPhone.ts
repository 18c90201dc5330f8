import { callerAddressCandidates, firstValidPhone, type CountryCode } from '@interaction-history/model';

/** The caller's number as the webhook will read it: the first valid one among the task's caller attributes. */
export function callerPhoneOf(attributes: Record<string, unknown>, region: CountryCode): string | null {
  return firstValidPhone(callerAddressCandidates(attributes), region);
}
