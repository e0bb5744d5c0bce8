using System.Globalization;
using Rdl.Model.Definitions.Items;
using Rdl.Model.Definitions.Styling;
using Rdl.Model.Diagnostics;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Processing;
using Renderer.Sandbox.Processing.Instances;
using Renderer.Sandbox.Processing.Styling;

namespace Renderer.Sandbox.Tests.Processing;

/// <summary>
/// Instances a large table holds one of per cell keep less than they show: a number's text is formatted when read, a
/// textbox's links share a slot with its style, a cell packs its span and continuation flag. What they show must not change.
/// </summary>
public sealed class CompactInstancesTests
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    private static readonly Textbox Box = new("Amount", default, StyleDefinition.Empty, SourceLocation.None, []);

    private static ResolvedStyle Style(string? format) => ResolvedStyle.Default with { Format = format, Culture = German };

    [TestCase(1234.5, "#,0.00", "1.234,50")]
    [TestCase(7, null, "7")]
    [TestCase(-3, "0;(0)", "(3)")]
    public void A_number_shows_the_text_its_format_and_culture_give(double number, string? format, string expected)
    {
        object value = number == Math.Floor(number) ? (int)number : (decimal)number;
        var instance = TextboxInstance.Formatted(Box, value, Style(format), null);

        Assert.That(instance.Text, Is.EqualTo(expected));
        Assert.That(instance.Text, Is.EqualTo(ValueFormatter.Format(value, format, German)));
        Assert.That(instance.Value, Is.EqualTo(value));
    }

    [Test]
    public void A_date_and_a_string_show_their_formatted_text()
    {
        var date = new DateTime(2024, 11, 7);
        Assert.That(TextboxInstance.Formatted(Box, date, Style("yyyy-MM-dd"), null).Text, Is.EqualTo("2024-11-07"));
        Assert.That(TextboxInstance.Formatted(Box, "North", Style("#,0"), null).Text, Is.EqualTo("North"));
        Assert.That(TextboxInstance.Formatted(Box, null, Style("#,0"), null).Text, Is.EqualTo(string.Empty));
    }

    [Test]
    public void Copies_with_another_style_or_value_keep_the_text_shown_before()
    {
        var instance = TextboxInstance.Formatted(Box, 1234.5m, Style("#,0.00"), null);

        var restyled = instance with { Style = Style("0") with { Text = TextStyle.Default with { Bold = true } } };
        Assert.That(restyled.Text, Is.EqualTo("1.234,50"), "an explicit text is kept, as it always was");
        Assert.That(restyled.Style.Text.Bold, Is.True);

        var blank = instance with { Text = string.Empty, Value = null };
        Assert.That(blank.Text, Is.Empty);
        Assert.That(blank.Value, Is.Null);

        var revalued = instance with { Value = 1m };
        Assert.That(revalued.Text, Is.EqualTo("1.234,50"));
    }

    [Test]
    public void Links_survive_a_change_of_style_and_can_be_removed()
    {
        var links = new TextLinks("https://example.com/", "b1", null, "m1");
        var instance = TextboxInstance.Formatted(Box, 5, Style(null), links);

        Assert.That(instance.Links, Is.EqualTo(links));
        Assert.That(instance.Style.Culture, Is.SameAs(German));
        var restyled = instance with { Style = instance.Style with { Box = instance.Style.Box with { Background = Rgba.Black } } };
        Assert.That(restyled.Links, Is.EqualTo(links));
        Assert.That(restyled.Style.Box.Background, Is.EqualTo(Rgba.Black));
        Assert.That((restyled with { Links = null }).Links, Is.Null);
        Assert.That((restyled with { Links = null }).Style, Is.EqualTo(restyled.Style));
    }

    [Test]
    public void A_cell_keeps_its_span_and_continuation_apart()
    {
        var content = TextboxInstance.Formatted(Box, 1, Style(null), null);
        var cell = new CellInstance(3, 5, content);
        var continuation = cell with { IsContinuation = true };

        Assert.That((cell.Column, cell.ColumnSpan, cell.IsContinuation), Is.EqualTo((3, 5, false)));
        Assert.That((continuation.Column, continuation.ColumnSpan, continuation.IsContinuation), Is.EqualTo((3, 5, true)));
        Assert.That((continuation with { ColumnSpan = 2 }).IsContinuation, Is.True);
        Assert.That((continuation with { IsContinuation = false }).ColumnSpan, Is.EqualTo(5));
        Assert.That(() => new CellInstance(0, -1, content), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Only_items_that_paginate_take_pagination_properties()
    {
        var textbox = TextboxInstance.Formatted(Box, 1, Style(null), null);
        Assert.That(textbox.Paging, Is.Null);
        Assert.That(() => textbox with { Paging = new ItemPaging(null, null, "P", false) }, Throws.TypeOf<NotSupportedException>());
        var rectangle = new RectangleInstance(new Rdl.Model.Definitions.Items.RectangleItem("R", default, StyleDefinition.Empty, SourceLocation.None, []), [], BoxStyle.None)
        {
            Paging = new ItemPaging(null, null, "P", true),
        };
        Assert.That(rectangle.Paging?.PageName, Is.EqualTo("P"));
    }
}

/// <summary>Cells of a column showing the same value share one instance; values that could show differently never do.</summary>
public sealed class SharedTextboxesTests
{
    private static readonly Textbox Region = new("Region", default, StyleDefinition.Empty, SourceLocation.None, []);
    private static readonly Textbox Other = new("Other", default, StyleDefinition.Empty, SourceLocation.None, []);
    private static readonly ResolvedStyle Plain = ResolvedStyle.Default with { Culture = CultureInfo.InvariantCulture };

    private static TextboxInstance Evaluate(SharedTextboxes shared, Textbox textbox, object? value, ResolvedStyle style)
    {
        if (shared.TryGet(textbox, value, style, out var found)) return found;
        var instance = TextboxInstance.Formatted(textbox, value, style, null);
        shared.Add(textbox, value, instance);
        return instance;
    }

    [Test]
    public void Equal_values_of_one_textbox_with_one_style_share_an_instance()
    {
        var shared = new SharedTextboxes();
        var north = Evaluate(shared, Region, "North", Plain);

        Assert.That(Evaluate(shared, Region, new string("North".AsSpan()), Plain), Is.SameAs(north));
        Assert.That(Evaluate(shared, Region, "South", Plain), Is.Not.SameAs(north));
        Assert.That(Evaluate(shared, Other, "North", Plain), Is.Not.SameAs(north), "another textbox");
        Assert.That(Evaluate(shared, Region, "North", Plain with { Format = "x" }), Is.Not.SameAs(north), "another style");
        Assert.That(Evaluate(shared, Region, 7, Plain), Is.SameAs(Evaluate(shared, Region, 7, Plain)));
        Assert.That(Evaluate(shared, Region, null, Plain), Is.SameAs(Evaluate(shared, Region, null, Plain)));
    }

    [Test]
    public void Values_that_are_equal_but_format_differently_are_not_shared()
    {
        var shared = new SharedTextboxes();
        var local = new DateTime(2024, 1, 2, 0, 0, 0, DateTimeKind.Local);
        var utc = new DateTime(2024, 1, 2, 0, 0, 0, DateTimeKind.Utc);
        var style = Plain with { Format = "o" };

        Assert.That(Evaluate(shared, Region, utc, style).Text, Does.EndWith("Z"));
        Assert.That(Evaluate(shared, Region, local, style).Text, Is.EqualTo(local.ToString("o", CultureInfo.InvariantCulture)));
        Assert.That(Evaluate(shared, Region, 1.0m, Plain).Text, Is.EqualTo("1.0"));
        Assert.That(Evaluate(shared, Region, 1.00m, Plain).Text, Is.EqualTo("1.00"));
        Assert.That(Evaluate(shared, Region, 1L, Plain), Is.Not.SameAs(Evaluate(shared, Region, 1, Plain)), "a long and an int");
    }

    [Test]
    public void A_column_of_distinct_values_stops_being_shared_and_still_shows_each()
    {
        var shared = new SharedTextboxes();
        var texts = Enumerable.Range(0, 3000).Select(i => Evaluate(shared, Region, "P" + i.ToString(CultureInfo.InvariantCulture), Plain).Text).ToArray();

        Assert.That(texts, Is.EqualTo(Enumerable.Range(0, 3000).Select(i => "P" + i.ToString(CultureInfo.InvariantCulture))));
        Assert.That(shared.TryGet(Region, "P1", Plain, out _), Is.False, "no longer looked up");
    }
}

/// <summary>Repeated strings of a dataset column become one instance; the rows keep their values.</summary>
public sealed class RepeatedStringsTests
{
    [Test]
    public void Repeated_strings_are_shared_and_other_values_are_left_alone()
    {
        List<object?[]> rows = [.. Enumerable.Range(0, 100).Select(i => new object?[] { new string(i % 2 == 0 ? "East" : "West"), i, null })];

        Renderer.Sandbox.Processing.RepeatedStrings.Share(rows, 3);

        Assert.That(rows.Select(r => r[0]), Is.EqualTo(Enumerable.Range(0, 100).Select(i => i % 2 == 0 ? "East" : "West")));
        Assert.That(rows[2][0], Is.SameAs(rows[0][0]));
        Assert.That(rows[3][0], Is.SameAs(rows[1][0]));
        Assert.That(rows.Select(r => r[1]), Is.EqualTo(Enumerable.Range(0, 100).Cast<object>()));
        Assert.That(rows.All(r => r[2] is null), Is.True);
    }
}
