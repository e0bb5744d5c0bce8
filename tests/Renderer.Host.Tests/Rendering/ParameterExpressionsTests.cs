using Renderer.Host.Rendering;

namespace Renderer.Host.Tests.Rendering;

/// <summary>
/// The host's interpreter of the usual parameter-value expressions: the forms a prompt needs evaluate to what the render
/// gives; anything else (report code, other functions) is refused, never run.
/// </summary>
public sealed class ParameterExpressionsTests
{
    private static readonly DateTime Now = new(2026, 3, 15, 14, 30, 0);

    private static object?[]? Evaluate(string expression)
    {
        var earlier = new Dictionary<string, object?[]>(StringComparer.OrdinalIgnoreCase)
        {
            ["Start"] = [new DateTime(2024, 1, 31)],
            ["Regions"] = ["East", "West"],
        };
        return ParameterExpressions.TryEvaluate(expression, n => earlier.TryGetValue(n, out var v) ? v : null, "alice", Now, out var values) ? values : null;
    }

    [TestCase("=Today()", "2026-03-15 00:00:00")]
    [TestCase("=Today", "2026-03-15 00:00:00")]
    [TestCase("= Date.Today", "2026-03-15 00:00:00")]
    [TestCase("=Now()", "2026-03-15 14:30:00")]
    [TestCase("=Globals!ExecutionTime", "2026-03-15 14:30:00")]
    [TestCase("=DateAdd(\"d\", -7, Today())", "2026-03-08 00:00:00")]
    [TestCase("=DateAdd(DateInterval.Month, -1, Today())", "2026-02-15 00:00:00")]
    [TestCase("=DateAdd(\"m\", 1, Parameters!Start.Value)", "2024-02-29 00:00:00")]
    [TestCase("=DateSerial(Year(Today()), Month(Today()), 1)", "2026-03-01 00:00:00")]
    [TestCase("=DateSerial(Year(Today()), 13, 1)", "2027-01-01 00:00:00")]
    [TestCase("=DateSerial(Year(Today()), Month(Today()), 0)", "2026-02-28 00:00:00")]
    public void Dates_evaluate_as_in_a_render(string expression, string expected)
    {
        var values = Evaluate(expression);

        Assert.That(values, Is.Not.Null, expression);
        Assert.That(values!.Single(), Is.EqualTo(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [TestCase("=Year(Today()) - 1", 2025)]
    [TestCase("=2024", 2024)]
    [TestCase("=-(3) + 10", 7)]
    [TestCase("=\"EMEA\"", "EMEA")]
    [TestCase("=\"say \"\"hi\"\"\"", "say \"hi\"")]
    [TestCase("=True", true)]
    [TestCase("=User!UserID", "alice")]
    [TestCase("=2.5 + 1", 3.5)]
    public void Literals_users_and_arithmetic_evaluate(string expression, object expected) =>
        Assert.That(Evaluate(expression), Is.EqualTo(new[] { expected }));

    [Test]
    public void A_whole_multi_value_parameter_reference_keeps_every_value() =>
        Assert.That(Evaluate("=Parameters!Regions.Value"), Is.EqualTo(new object[] { "East", "West" }));

    [TestCase("=Code.FirstDay()")]
    [TestCase("=System.IO.File.ReadAllText(\"/etc/passwd\")")]
    [TestCase("=UCase(\"a\")")]
    [TestCase("=\"a\" & \"b\"")]
    [TestCase("=Parameters!Regions.Value + 1")]
    [TestCase("=Parameters!Unknown.Value")]
    [TestCase("=Fields!Year.Value")]
    [TestCase("=Today() + 1")]
    [TestCase("=DateAdd(\"fortnight\", 1, Today())")]
    [TestCase("=Today() Today()")]
    public void Anything_else_is_left_to_the_render(string expression) =>
        Assert.That(Evaluate(expression), Is.Null, expression);
}
