// memlab's puppeteer dependency must download no browser on install (nothing but the package registries is reachable here).
module.exports = { skipDownload: true };
