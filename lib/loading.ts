/** Below this, a load shows nothing at all: a quick load must not flash a message (components/common/Loading). */
export const LOADING_DELAY_MS = 150;
