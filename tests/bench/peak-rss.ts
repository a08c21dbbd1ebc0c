/**
 * Preloaded (`node --require`) into a process a benchmark runs, to report that process's own peak
 * memory as it exits, on stderr, without changing the program measured.
 */
process.on('exit', () => {
  process.stderr.write(`\npeak-rss-kb ${process.resourceUsage().maxRSS}\n`);
});
