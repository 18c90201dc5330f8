/**
 * Flex's look without shipping a component library: Twilio Paste's design
 * tokens (colours, type, spacing) on native, accessible HTML controls.
 * Paste components would add about 78 KB gzip to a bundle whose Firebase
 * part alone is about 106 KB of a 160 KB budget.
 */
import {
  borderRadius20,
  borderWidth10,
  colorBackgroundBody,
  colorBackgroundErrorWeakest,
  colorBackgroundNeutralWeakest,
  colorBackgroundPrimary,
  colorBackgroundPrimaryStrong,
  colorBackgroundSuccessWeakest,
  colorBorderError,
  colorBorderPrimary,
  colorBorderWeak,
  colorText,
  colorTextError,
  colorTextInverse,
  colorTextWeak,
  fontFamilyText,
  fontSize20,
  fontSize30,
  fontSize40,
  fontWeightBold,
  fontWeightSemibold,
  lineHeight20,
  space20,
  space30,
  space40,
} from '@twilio-paste/design-tokens';
import type { CSSProperties } from 'react';

export const tokens = {
  colorBackgroundBody,
  colorBackgroundNeutralWeakest,
  colorBorderWeak,
  colorText,
  colorTextWeak,
  colorTextError,
  space20,
  space30,
  space40,
  fontSize20,
  fontSize30,
  fontSize40,
  fontWeightSemibold,
};

export const styles = {
  panel: { fontFamily: fontFamilyText, fontSize: fontSize30, lineHeight: lineHeight20, color: colorText, padding: space40, overflowY: 'auto', height: '100%', boxSizing: 'border-box' },
  section: { marginBottom: space40, paddingBottom: space40, borderBottom: `${borderWidth10} solid ${colorBorderWeak}` },
  heading: { fontSize: fontSize40, fontWeight: fontWeightBold, margin: `0 0 ${space30} 0` },
  subtle: { color: colorTextWeak, fontSize: fontSize20 },
  label: { display: 'block', fontWeight: fontWeightSemibold, marginBottom: space20 },
  input: { width: '100%', boxSizing: 'border-box', padding: space20, fontFamily: 'inherit', fontSize: fontSize30, border: `${borderWidth10} solid ${colorBorderWeak}`, borderRadius: borderRadius20, background: colorBackgroundBody, color: colorText },
  inputInvalid: { border: `${borderWidth10} solid ${colorBorderError}` },
  fieldError: { color: colorTextError, fontSize: fontSize20, marginTop: space20 },
  field: { marginBottom: space30 },
  /** Read by screen readers, not drawn. */
  visuallyHidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
  row: { display: 'flex', gap: space30, alignItems: 'flex-end', flexWrap: 'wrap' },
  primaryButton: { padding: `${space20} ${space40}`, fontFamily: 'inherit', fontSize: fontSize30, fontWeight: fontWeightSemibold, color: colorTextInverse, background: colorBackgroundPrimary, border: `${borderWidth10} solid ${colorBackgroundPrimaryStrong}`, borderRadius: borderRadius20, cursor: 'pointer' },
  secondaryButton: { padding: `${space20} ${space40}`, fontFamily: 'inherit', fontSize: fontSize30, fontWeight: fontWeightSemibold, color: colorText, background: colorBackgroundBody, border: `${borderWidth10} solid ${colorBorderPrimary}`, borderRadius: borderRadius20, cursor: 'pointer' },
  destructiveButton: { padding: `${space20} ${space40}`, fontFamily: 'inherit', fontSize: fontSize30, fontWeight: fontWeightSemibold, color: colorTextError, background: colorBackgroundBody, border: `${borderWidth10} solid ${colorBorderError}`, borderRadius: borderRadius20, cursor: 'pointer' },
  noticeError: { padding: space30, background: colorBackgroundErrorWeakest, border: `${borderWidth10} solid ${colorBorderError}`, borderRadius: borderRadius20, marginBottom: space30 },
  noticeInfo: { padding: space30, background: colorBackgroundNeutralWeakest, borderRadius: borderRadius20, marginBottom: space30 },
  noticeSuccess: { padding: space30, background: colorBackgroundSuccessWeakest, borderRadius: borderRadius20, marginBottom: space30 },
  table: { width: '100%', borderCollapse: 'collapse', fontSize: fontSize20 },
  cell: { textAlign: 'left', verticalAlign: 'top', padding: `${space20} ${space20}`, borderBottom: `${borderWidth10} solid ${colorBorderWeak}` },
  headerCell: { textAlign: 'left', padding: `${space20} ${space20}`, borderBottom: `${borderWidth10} solid ${colorBorderWeak}`, fontWeight: fontWeightSemibold, color: colorTextWeak },
} satisfies Record<string, CSSProperties>;
