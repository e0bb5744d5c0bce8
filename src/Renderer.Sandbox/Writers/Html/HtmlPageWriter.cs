using System.Globalization;
using System.Text;
using Renderer.Sandbox.Pages;

namespace Renderer.Sandbox.Writers.Html;

/// <summary>
/// Writes one page as a <c>&lt;section class="rpt-page"&gt;</c> of the page's size in points, its items absolutely
/// positioned where the PDF draws them, in paint order.
/// </summary>
internal static class HtmlPageWriter
{
    public static void Write(StringBuilder html, Page page, HtmlLinks links)
    {
        var number = page.Number.ToString(CultureInfo.InvariantCulture);
        links.Page = page.Number;
        html.Append("<section class=\"rpt-page\" id=\"rpt-page-").Append(number).Append("\" data-page=\"").Append(number)
            .Append("\" aria-label=\"Page ").Append(number).Append("\" style=\"width:").Pt(page.Width).Append("pt;height:").Pt(page.Height).Append("pt\">\n");
        var charts = 0;
        foreach (var item in page.Items)
        {
            switch (item)
            {
                case TextItem text:
                    HtmlTextItems.Write(html, text, links);
                    break;
                case RectangleItem rectangle:
                    HtmlBoxes.Rectangle(html, rectangle);
                    break;
                case LineItem line:
                    HtmlBoxes.Line(html, line);
                    break;
                case ImageItem image:
                    HtmlImages.Write(html, image);
                    break;
                case ChartItem chart:
                    HtmlChartSvg.Write(html, chart, "p" + number + "c" + (charts++).ToString(CultureInfo.InvariantCulture) + "-");
                    break;
            }
        }
        html.Append("</section>\n");
    }
}
