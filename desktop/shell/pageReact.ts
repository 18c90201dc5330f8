// The shell renders with the page's React (the UMD build Flex pages also
// provide), so that the plugin's components and the shell share one React.
import type * as ReactModule from 'react';

const React = (globalThis as unknown as { React: typeof ReactModule }).React;

export default React;
export const { cloneElement, createContext, createElement, Fragment, useContext, useEffect, useMemo, useRef, useState } = React;
