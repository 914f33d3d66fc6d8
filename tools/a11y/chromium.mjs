// How the checks start headless Chromium: $CHROMIUM, else /usr/bin/chromium, with a throw-away
// profile and nothing that reaches the network on its own.
export function launchOptions(profile) {
  return {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    userDataDir: profile,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  };
}
