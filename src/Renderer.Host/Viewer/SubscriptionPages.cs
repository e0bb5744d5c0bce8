using System.Net;
using Microsoft.Extensions.Options;
using Renderer.Host.Api.V2;
using Renderer.Host.Subscriptions;

namespace Renderer.Host.Viewer;

/// <summary>
/// The viewer's subscription pages, SSRS's "My subscriptions" and a report's "Subscribe"
/// (<c>/viewer/subscriptions</c>; <c>?report=/Folder/Report</c> opens a new subscription's form, <c>?edit={id}</c> an
/// existing one's). The page is a fixed shell; its scripts list, create, edit, pause, resume, run, delete and show the
/// history through the <c>/api/v2.0/Subscriptions</c> and <c>/Schedules</c> API as the signed-in user. The formats and
/// the configured file shares' names (never their folders) are written into the shell.
/// </summary>
internal static class SubscriptionPages
{
    public static IResult Shell(HttpContext http, IOptions<SubscriptionOptions> options) =>
        Results.Content(ShellHtml(CatalogHttp.Caller(http).UserId, options.Value), "text/html; charset=utf-8");

    private static string ShareOptions(SubscriptionOptions options) => string.Concat(options.FileShares.Keys.Order(StringComparer.OrdinalIgnoreCase)
        .Select(name => $"<option value=\"{WebUtility.HtmlEncode(name)}\">{WebUtility.HtmlEncode(name)}</option>"));

    private static string ShellHtml(string user, SubscriptionOptions options) => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>My subscriptions</title>
        <link rel="stylesheet" href="/viewer/static/viewer.css">
        <script src="/viewer/static/viewer-params.js" defer></script>
        <script src="/viewer/static/viewer-subscription-form.js" defer></script>
        <script src="/viewer/static/viewer-subscriptions.js" defer></script>
        </head>
        <body class="subscriptions">
        <a class="skip" href="#content">Skip to content</a>
        <header class="top" role="banner">
          <nav aria-label="Site" class="site"><a href="/viewer">Home</a> <a href="/viewer/subscriptions" aria-current="page">My subscriptions</a></nav>
          <p class="user">Signed in as <strong id="user">{{WebUtility.HtmlEncode(user)}}</strong></p>
        </header>
        <main id="content" tabindex="-1">
          <h1 id="page-title" tabindex="-1">My subscriptions</h1>
          <p id="status" role="status" aria-live="polite"></p>
          <div id="errors" role="alert"></div>
          <section id="list" aria-labelledby="page-title">
            <p><a id="new-link" href="/viewer">To subscribe to a report, open it and choose Subscribe.</a></p>
            <table id="subscriptions">
              <caption class="visually-hidden">Subscriptions</caption>
              <thead><tr><th scope="col">Report</th><th scope="col">Description</th><th scope="col">Owner</th><th scope="col">Delivery</th><th scope="col">Schedule</th><th scope="col">Status</th><th scope="col">Last run</th><th scope="col">Next run</th><th scope="col">Actions</th></tr></thead>
              <tbody></tbody>
            </table>
          </section>
          <section id="history" aria-labelledby="history-title" hidden>
            <h2 id="history-title" tabindex="-1">History</h2>
            <p><button type="button" id="history-refresh">Refresh history</button> <button type="button" id="history-close">Close history</button></p>
            <table id="history-table">
              <caption class="visually-hidden">Deliveries, newest first</caption>
              <thead><tr><th scope="col">Fire time</th><th scope="col">Recipient</th><th scope="col">State</th><th scope="col">Attempts</th><th scope="col">Last error</th><th scope="col">Updated</th></tr></thead>
              <tbody></tbody>
            </table>
          </section>
          <form id="sub-form" novalidate hidden aria-labelledby="form-title">
            <h2 id="form-title" tabindex="-1">New subscription</h2>
            <p id="form-report"></p>
            <div class="field"><label for="sub-description">Description</label><input id="sub-description" type="text" maxlength="200"></div>
            <div class="field"><label for="sub-format">Format</label><select id="sub-format">{{ViewerPages.ExportOptions}}</select></div>
            <fieldset id="sub-delivery"><legend>Delivery</legend>
              <div class="choice"><input type="radio" name="delivery-kind" id="kind-email" value="email" checked><label for="kind-email">E-mail</label></div>
              <div class="choice"><input type="radio" name="delivery-kind" id="kind-fileshare" value="fileshare"><label for="kind-fileshare">File share</label></div>
              <div id="email-fields" class="fields">
                <div class="field"><label for="sub-to">To</label><input id="sub-to" type="text" aria-describedby="sub-to-note"><p class="note" id="sub-to-note">Addresses separated by commas or semicolons.</p></div>
                <div class="field"><label for="sub-cc">Cc</label><input id="sub-cc" type="text"></div>
                <div class="field"><label for="sub-bcc">Bcc</label><input id="sub-bcc" type="text"></div>
                <div class="field"><label for="sub-replyto">Reply to</label><input id="sub-replyto" type="text"></div>
                <div class="field"><label for="sub-subject">Subject</label><input id="sub-subject" type="text" value="@ReportName was executed at @ExecutionTime"></div>
                <div class="field"><label for="sub-body">Comment</label><textarea id="sub-body" rows="3"></textarea></div>
                <div class="choice"><input type="checkbox" id="sub-include-report" checked><label for="sub-include-report">Include the report</label></div>
                <div class="choice"><input type="checkbox" id="sub-include-link"><label for="sub-include-link">Include a link to the report</label></div>
              </div>
              <div id="share-fields" class="fields" hidden>
                <div class="field"><label for="sub-share">Share</label><select id="sub-share">{{ShareOptions(options)}}</select></div>
                <div class="field"><label for="sub-filename">File name</label><input id="sub-filename" type="text" aria-describedby="sub-filename-note"><p class="note" id="sub-filename-note">No folders; the format's extension is added.</p></div>
                <div class="choice"><input type="checkbox" id="sub-overwrite" checked><label for="sub-overwrite">Overwrite a file of the same name (else number the new one)</label></div>
              </div>
            </fieldset>
            <fieldset id="sub-schedule"><legend>Schedule</legend>
              <div class="choice"><input type="radio" name="schedule-kind" id="schedule-own" value="own" checked><label for="schedule-own">Own schedule</label></div>
              <div class="choice"><input type="radio" name="schedule-kind" id="schedule-shared" value="shared"><label for="schedule-shared">Shared schedule</label></div>
              <div id="shared-fields" class="fields" hidden>
                <div class="field"><label for="sub-shared">Schedule to use</label><select id="sub-shared"></select></div>
              </div>
              <div id="own-fields" class="fields">
                <div class="field"><label for="sub-recurrence">Repeats</label><select id="sub-recurrence"><option value="hourly">Hourly</option><option value="daily" selected>Daily</option><option value="weekly">Weekly</option><option value="monthly">Monthly</option><option value="once">Once</option><option value="cron">Cron expression</option></select></div>
                <div class="field" data-for="hourly daily"><label for="sub-interval">Every (hours or days)</label><input id="sub-interval" type="number" min="1" max="1000" value="1"></div>
                <div class="field" data-for="hourly daily weekly monthly"><label for="sub-at">At (time of day)</label><input id="sub-at" type="time" value="08:00"></div>
                <fieldset class="field days" data-for="weekly"><legend>On days</legend><div id="sub-days"></div></fieldset>
                <div class="field" data-for="monthly"><label for="sub-day-of-month">Day of the month</label><input id="sub-day-of-month" type="number" min="1" max="31" value="1"></div>
                <div class="field" data-for="cron"><label for="sub-cron">Cron expression (Quartz)</label><input id="sub-cron" type="text" value="0 0 8 ? * MON-FRI"></div>
                <div class="field"><label for="sub-timezone">Time zone</label><select id="sub-timezone"></select></div>
                <div class="field"><label for="sub-start">Start (your computer's time)</label><input id="sub-start" type="datetime-local"></div>
                <div class="field"><label for="sub-end">End (your computer's time)</label><input id="sub-end" type="datetime-local"></div>
              </div>
            </fieldset>
            <fieldset id="sub-params"><legend>Report parameters</legend><div id="param-grid"></div></fieldset>
            <p id="form-error" class="form-error" role="alert" tabindex="-1"></p>
            <div class="actions"><button type="submit" id="sub-save">Create subscription</button> <a href="/viewer/subscriptions">Cancel</a></div>
          </form>
        </main>
        </body>
        </html>
        """;
}
