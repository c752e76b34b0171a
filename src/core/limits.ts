/** The longest input anything accepts as a host, URL or IP to look up: longer than any real URL needs. */
export const MAX_INPUT = 2048;
