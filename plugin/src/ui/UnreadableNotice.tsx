import { styles } from './theme.js';

/** Records left out because they could not be read: the message, then their paths for whoever repairs them. */
export function UnreadableNotice({ message, paths }: { readonly message: string; readonly paths: readonly string[] }) {
  return (
    <p role="alert" style={styles.subtle}>
      {message} <code>{paths.join(', ')}</code>
    </p>
  );
}
