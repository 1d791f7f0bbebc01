// End-to-end test of the page of `zhqa serve` in headless Chromium (run by scripts/test-web).
// Usage: node tests/web/e2e.cjs URL OUTDIR
"use strict";
const { chromium } = require("playwright-core");
const path = require("path");

const [url, out] = process.argv.slice(2);
const TEXT =
  "—目前，中亚正经历深刻变革，-托卡耶夫说。\n" +
  "双方将为 revitalizing 这一领域的合作提供法律基础,并加强交流,推动发展。\n";
// What zhqa finds in TEXT: rule, the text under the mark, severity.
const EXPECTED = [
  ["quote/dash-speech", "—", "error"],
  ["foreign/untranslated", "revitalizing", "error"],
  ["punct/halfwidth", ",", "error"],
  ["punct/halfwidth", ",", "error"],
];
const AFTER_SAFE_FIXES =
  "—目前，中亚正经历深刻变革，-托卡耶夫说。\n" +
  "双方将为 revitalizing 这一领域的合作提供法律基础，并加强交流，推动发展。\n";
const AFTER_SPEECH_FIX =
  "“目前，中亚正经历深刻变革。”托卡耶夫说。\n" +
  "双方将为 revitalizing 这一领域的合作提供法律基础，并加强交流，推动发展。\n";

let failures = 0;
function check(cond, what, detail) {
  console.log((cond ? "ok   " : "FAIL ") + what + (cond || detail === undefined ? "" : `: ${JSON.stringify(detail)}`));
  if (!cond) failures++;
}

// Wait for the check that follows an action: the page stamps each finished check.
async function nextCheck(page, action) {
  const before = await page.evaluate(() => document.body.dataset.checked || "0");
  await action();
  await page.waitForFunction((b) => (document.body.dataset.checked || "0") !== b, before, { timeout: 5000 });
}

async function marks(page) {
  return page.$$eval("#backdrop mark", (ms) => ms.map((m) => [m.textContent, m.className.split(" ")[0]]));
}

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 760 }, deviceScaleFactor: 1 });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: url });
  const page = await context.newPage();
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => check(false, "no script error on the page", e.message));
  await page.goto(url);
  await page.waitForSelector("#categories input");
  check((await page.$$("#categories input")).length >= 10, "rule categories listed as switches");

  // Paste the text (through the clipboard, as an editor does).
  await page.evaluate((t) => navigator.clipboard.writeText(t), TEXT);
  await nextCheck(page, async () => {
    await page.focus("#text");
    await page.keyboard.press("Control+V");
  });
  check((await page.inputValue("#text")) === TEXT, "the pasted text is in the editor");
  const got = await marks(page);
  const want = EXPECTED.map(([, t, s]) => [t, s]);
  check(JSON.stringify(got) === JSON.stringify(want), `${EXPECTED.length} findings highlighted in place`, got);
  const groups = await page.$$eval("details.group > summary", (s) => s.map((e) => e.textContent));
  check(JSON.stringify(groups) === JSON.stringify(["引号（1）", "外文（1）", "标点（2）"]), "grouped by category with counts", groups);
  const counts = await page.$eval("#summary", (e) => e.textContent);
  check(counts.includes("错误 4") && counts.includes("警告 0"), "severity counts", counts);

  // The highlight lies under its characters: mark and text wrap the same way.
  const geometry = await page.evaluate(() => {
    const [b, t] = [document.getElementById("backdrop"), document.getElementById("text")];
    return [b.scrollHeight, t.scrollHeight, b.clientWidth, t.clientWidth];
  });
  check(Math.abs(geometry[0] - geometry[1]) <= 2 && geometry[2] === geometry[3], "backdrop and editor have the same layout", geometry);
  await page.screenshot({ path: path.join(out, "serve.png") });

  // Click a finding: its text is selected in the editor and explained.
  await page.click('.finding[data-i="1"] .go');
  const selected = await page.evaluate(() => {
    const t = document.getElementById("text");
    return t.value.slice(t.selectionStart, t.selectionEnd);
  });
  check(selected === "revitalizing", "a click on a finding selects its text", selected);
  const detail = await page.$eval("#detail", (e) => e.textContent);
  check(detail.includes("foreign/untranslated") && detail.includes("依据"), "the rule is explained", detail.slice(0, 80));
  await page.screenshot({ path: path.join(out, "serve-detail.png") });

  // Fix all safe: the commas; the dash-marked speech (unsafe) and the word stay.
  await nextCheck(page, () => page.click("#fix-all"));
  check((await page.inputValue("#text")) === AFTER_SAFE_FIXES, "fix all safe rewrites the commas only");
  check((await marks(page)).length === 2, "two findings left after the safe fixes");

  // One unsafe fix, accepted by hand.
  await nextCheck(page, () => page.click('.finding:has(.rule:text("quote/dash-speech")) .fix'));
  check((await page.inputValue("#text")) === AFTER_SPEECH_FIX, "the dash-marked speech rewritten in quotes",
    await page.inputValue("#text"));

  // The house style switch reaches the checks.
  await nextCheck(page, () => page.selectOption("#spacing", "never"));
  const spacing = await page.$$eval(".rule", (r) => r.map((e) => e.textContent));
  check(spacing.filter((r) => r === "space/han-latin").length === 2, "no-space house style flags both spaces", spacing);
  // A category switched off.
  await nextCheck(page, () => page.click('#categories input[value="space"]'));
  check(!(await page.$$eval(".rule", (r) => r.map((e) => e.textContent))).includes("space/han-latin"), "a category switched off");

  // Copy back.
  await page.click("#copy");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  check(copied === AFTER_SPEECH_FIX, "copy puts the corrected text on the clipboard");

  // Keyboard: Tab reaches the buttons; Alt+N jumps to a finding.
  await page.focus("#text");
  await page.keyboard.press("Alt+N");
  const afterKey = await page.evaluate(() => document.querySelector(".finding.current") !== null);
  check(afterKey, "Alt+N selects a finding");
  await page.keyboard.press("Shift+Tab");
  const focused = await page.evaluate(() => document.activeElement.tagName + "#" + document.activeElement.id);
  check(focused.startsWith("INPUT") || focused.startsWith("SELECT") || focused.startsWith("BUTTON"), "the controls are reachable by keyboard", focused);

  // A 20,000-character page checks in well under a second.
  const long = (TEXT.repeat(200)).slice(0, 20000);
  let ms = 0;
  await nextCheck(page, async () => {
    await page.fill("#text", long);
    ms = await page.evaluate(async () => {
      const t = performance.now();
      await check();
      return performance.now() - t;
    });
  });
  const n = (await marks(page)).length;
  check(ms < 1000 && n > 500, `20,000 characters checked and drawn in ${Math.round(ms)} ms (${n} highlights)`);
  const layout = await page.evaluate(() => [document.getElementById("backdrop").scrollHeight, document.getElementById("text").scrollHeight]);
  check(Math.abs(layout[0] - layout[1]) <= 2, "a long page wraps the same in backdrop and editor", layout);

  // Nothing was fetched from anywhere but zhqa.
  const outside = requests.filter((r) => !r.startsWith(url));
  check(outside.length === 0, "no request leaves the server", outside);
  await browser.close();
  console.log(failures ? `${failures} failed` : "all passed");
  process.exit(failures ? 1 : 0);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
