using System.Collections.Immutable;
using Rdl.Model.Definitions;
using Rdl.Model.Definitions.Data;
using Rdl.Model.Diagnostics;
using Rdl.Model.Expressions;
using Renderer.Sandbox.Data;
using Renderer.Sandbox.Processing;
using Renderer.Sandbox.Runtime;

namespace Renderer.Sandbox.Tests.Processing;

/// <summary>Parameter defaults and valid values from datasets, cascading parameters, and the PRC4006 check.</summary>
public sealed class ParameterResolverTests
{
    private static readonly SourceLocation At = new("test.rdl", 5, 3);
    private readonly FakeEvaluator _fake = new();
    private readonly List<(string DataSet, Dictionary<string, object?> Parameters)> _requests = [];

    private static readonly (string Region, string Name, string City)[] Cities =
    [
        ("East", "Eastern region", "Boston"), ("East", "Eastern region", "New York"),
        ("West", "Western region", "Seattle"), ("North", "Northern region", "Oslo"),
    ];

    [SetUp]
    public void ClearRequests() => _requests.Clear();

    private DataSetDefinition DataSet(string name, string[] fields, params QueryParameterDefinition[] parameters) =>
        new(name, new QueryDefinition("Db", "q", null, [.. parameters], At), [.. fields.Select(f => new FieldDefinition(f, f, null, null, At))], At);

    /// <summary>Stands in for the broker: Regions lists distinct regions; Cities lists the cities of @Region.</summary>
    private DataSetRows Query(string name, Dictionary<string, object?> parameters)
    {
        _requests.Add((name, parameters));
        return name switch
        {
            "Regions" => new DataSetRows(["Region", "Name"], Cities.DistinctBy(c => c.Region).Select(c => new object?[] { c.Region, c.Name }).ToList()),
            "Cities" => new DataSetRows(["City"], Cities.Where(c => c.Region == (string?)parameters["@Region"]).Select(c => new object?[] { c.City }).ToList()),
            _ => throw new InvalidOperationException(name),
        };
    }

    private ReportDefinition Report(params ReportParameterDefinition[] parameters)
    {
        var regionParameter = new QueryParameterDefinition("@Region", _fake.Expr("=Parameters!Region.Value", c => c.GetParameter("Region").Value), At);
        return new ReportDefinition("R", [], [DataSet("Regions", ["Region", "Name"]), DataSet("Cities", ["City"], regionParameter)], [.. parameters], []);
    }

    private (bool Ok, Dictionary<string, ReportParameter> Parameters, DiagnosticBag Diagnostics) Resolve(ReportDefinition report, params (string Name, object?[] Values)[] supplied)
    {
        var diagnostics = new DiagnosticBag();
        var loaded = new Dictionary<string, DataSetInstance>();
        DataSetInstance Load(string? name, ProcessingContext context)
        {
            var definition = report.FindDataSet(name!)!;
            if (loaded.TryGetValue(definition.Name, out var instance)) return instance;
            var values = definition.Query.Parameters.ToDictionary(p => p.Name, p => context.Evaluator.Evaluate(p.Value, context));
            return loaded[definition.Name] = new DataSetInstance(definition, Query(definition.Name, values));
        }
        var ok = ParameterResolver.TryResolve(report, supplied.ToDictionary(s => s.Name, s => s.Values),
            p => new ProcessingContext(_fake, p, new Dictionary<string, object?>(), "me", _ => null), diagnostics, out var parameters, Load);
        return (ok, parameters, diagnostics);
    }

    private static ReportParameterDefinition Region(bool multi = false, bool defaultFromData = true) => new("Region", ReportParameterType.String, At)
    {
        MultiValue = multi,
        DefaultDataSet = defaultFromData ? new DataSetReferenceDefinition("Regions", "Region", null, At) : null,
        ValidValuesDataSet = new DataSetReferenceDefinition("Regions", "Region", "Name", At),
    };

    private static ReportParameterDefinition City() => new("City", ReportParameterType.String, At)
    {
        MultiValue = true,
        DefaultDataSet = new DataSetReferenceDefinition("Cities", "City", null, At),
        ValidValuesDataSet = new DataSetReferenceDefinition("Cities", "City", null, At),
    };

    [Test]
    public void A_dataset_default_takes_the_first_row_and_the_label_from_the_label_field()
    {
        var (ok, parameters, diagnostics) = Resolve(Report(Region()));

        Assert.That(ok, Is.True, string.Join("; ", diagnostics.ToImmutable()));
        Assert.That(parameters["Region"].Value, Is.EqualTo("East"));
        Assert.That(parameters["Region"].Label, Is.EqualTo("Eastern region"));
    }

    [Test]
    public void A_multi_value_dataset_default_takes_every_row()
    {
        var (ok, parameters, _) = Resolve(Report(Region(multi: true)));

        Assert.That(ok, Is.True);
        Assert.That(parameters["Region"].Value, Is.EqualTo(new object?[] { "East", "West", "North" }));
        Assert.That(parameters["Region"].Label, Is.EqualTo(new[] { "Eastern region", "Western region", "Northern region" }));
    }

    [Test]
    public void Cascading_the_second_parameters_dataset_is_queried_with_the_first_parameters_value()
    {
        var (ok, parameters, diagnostics) = Resolve(Report(Region(), City()), ("Region", ["West"]));

        Assert.That(ok, Is.True, string.Join("; ", diagnostics.ToImmutable()));
        Assert.That(parameters["City"].Value, Is.EqualTo(new object?[] { "Seattle" }));
        Assert.That(_requests.Where(r => r.DataSet == "Cities").Select(r => r.Parameters["@Region"]), Is.EqualTo(new[] { "West" }));
    }

    [Test]
    public void Cascading_a_value_valid_only_for_another_first_value_is_PRC4006()
    {
        var (ok, _, diagnostics) = Resolve(Report(Region(), City()), ("Region", ["West"]), ("City", ["Boston"]));

        Assert.That(ok, Is.False);
        var error = diagnostics.ToImmutable().Single(d => d.IsError);
        Assert.That(error.Code, Is.EqualTo("PRC4006"));
        Assert.That(error.Message, Does.Contain("'Boston'").And.Contain("'City'"));
    }

    [Test]
    public void A_supplied_value_not_among_the_valid_values_is_PRC4006_naming_parameter_and_value()
    {
        var (ok, _, diagnostics) = Resolve(Report(Region()), ("Region", ["South"]));

        Assert.That(ok, Is.False);
        var error = diagnostics.ToImmutable().Single();
        Assert.That(error.Code, Is.EqualTo("PRC4006"));
        Assert.That(error.Message, Does.Contain("'South'").And.Contain("'Region'"));
    }

    [Test]
    public void Static_valid_values_give_labels_and_reject_other_values()
    {
        var year = new ReportParameterDefinition("Year", ReportParameterType.Integer, At)
        {
            ValidValues = [new ParameterValueDefinition(new ExpressionText("2023", At, "v"), new ExpressionText("Last year", At, "l")), new ParameterValueDefinition(new ExpressionText("2024", At, "v"), null)],
        };
        var report = new ReportDefinition("R", [], [], [year], []);

        var (ok, parameters, _) = Resolve(report, ("Year", [2023]));
        var (okOther, _, diagnostics) = Resolve(report, ("Year", [2022]));

        Assert.That(ok, Is.True);
        Assert.That(parameters["Year"].Label, Is.EqualTo("Last year"));
        Assert.That(okOther, Is.False);
        Assert.That(diagnostics.ToImmutable().Single().Code, Is.EqualTo("PRC4006"));
    }

    [Test]
    public void A_value_field_the_dataset_lacks_is_an_error_naming_the_parameter()
    {
        var bad = new ReportParameterDefinition("Region", ReportParameterType.String, At) { DefaultDataSet = new DataSetReferenceDefinition("Regions", "Nope", null, At) };

        var (ok, _, diagnostics) = Resolve(Report(bad));

        Assert.That(ok, Is.False);
        Assert.That(diagnostics.ToImmutable().Single().Message, Does.Contain("'Nope'").And.Contain("'Region'"));
    }
}
