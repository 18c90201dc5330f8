// ReactDOM from the page, paired with the page's React (see pageReact.ts).
import type * as ReactDomModule from 'react-dom';

const ReactDOM = (globalThis as unknown as { ReactDOM: typeof ReactDomModule }).ReactDOM;

export default ReactDOM;
