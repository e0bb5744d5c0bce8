using Renderer.Host.Expressions;

namespace Renderer.Host.Tests.Expressions;

public sealed class AggregateRewriterTests
{
    [TestCase("Sum(Fields!A.Value)", "Sum(Function() (Fields!A.Value))")]
    [TestCase("Sum(Fields!A.Value, \"DataSet1\")", "Sum(Function() (Fields!A.Value), \"DataSet1\")")]
    [TestCase("Sum( Fields!A.Value )", "Sum( Function() (Fields!A.Value ))")]
    [TestCase("sum(Count(Fields!X.Value), \"G\")", "sum(Function() (Count(Function() (Fields!X.Value))), \"G\")")]
    [TestCase("Avg(Max(Fields!A.Value) + Min(Fields!B.Value))", "Avg(Function() (Max(Function() (Fields!A.Value)) + Min(Function() (Fields!B.Value))))")]
    [TestCase("CountRows()", "CountRows()")]
    [TestCase("CountRows(\"DataSet1\")", "CountRows(\"DataSet1\")")]
    [TestCase("Code.Sum(1)", "Code.Sum(1)")]
    [TestCase("First(Fields!A.Value) & Last(Fields!A.Value)", "First(Function() (Fields!A.Value)) & Last(Function() (Fields!A.Value))")]
    [TestCase("CountDistinct(Fields!A.Value) + StDev(1) + StDevP(1) + Var(1) + VarP(1)",
        "CountDistinct(Function() (Fields!A.Value)) + StDev(Function() (1)) + StDevP(Function() (1)) + Var(Function() (1)) + VarP(Function() (1))")]
    [TestCase("RunningValue(Fields!A.Value, Sum, Nothing)", "RunningValue(Function() (Fields!A.Value), \"Sum\", Nothing)")]
    [TestCase("RunningValue(Fields!A.Value, countdistinct, \"G\")", "RunningValue(Function() (Fields!A.Value), \"countdistinct\", \"G\")")]
    [TestCase("Previous(Sum(Fields!A.Value))", "Previous(Function() (Sum(Function() (Fields!A.Value))))")]
    [TestCase("Previous(Fields!A.Value, \"T\")", "Previous(Function() (Fields!A.Value), \"T\")")]
    [TestCase("Lookup(Fields!K.Value, Fields!K.Value, Fields!N.Value, \"D\")", "Lookup(Fields!K.Value, Function() (Fields!K.Value), Function() (Fields!N.Value), \"D\")")]
    [TestCase("Join(LookupSet(1, Fields!K.Value, Fields!N.Value, \"D\"), \",\")", "Join(LookupSet(1, Function() (Fields!K.Value), Function() (Fields!N.Value), \"D\"), \",\")")]
    [TestCase("MultiLookup(Split(\"a,b\", \",\"), Fields!K.Value, Fields!N.Value, \"D\")", "MultiLookup(Split(\"a,b\", \",\"), Function() (Fields!K.Value), Function() (Fields!N.Value), \"D\")")]
    [TestCase("Sum(Fields!A.Value, \"G\", Recursive) + CountRows(\"G\", Simple)", "Sum(Function() (Fields!A.Value), \"G\", \"Recursive\") + CountRows(\"G\", \"Simple\")")]
    [TestCase("Aggregate(Fields!A.Value, \"G\")", "Aggregate(Function() (Fields!A.Value), \"G\")")]
    [TestCase("RowNumber(Nothing) + Level() + IIf(InScope(\"G\"), 1, 0)", "RowNumber(Nothing) + Level() + IIf(InScope(\"G\"), 1, 0)")]
    public void Rewrites_aggregate_arguments_into_lambdas(string code, string expected)
    {
        var result = AggregateRewriter.Rewrite(code);

        Assert.That(result.HasSyntaxErrors, Is.False);
        Assert.That(result.Text, Is.EqualTo(expected));
        Assert.That(result.TreeText, Is.EqualTo(expected), "the syntax tree and the insertions must agree");
    }

    [Test]
    public void Maps_rewritten_offsets_back_to_the_original()
    {
        var result = AggregateRewriter.Rewrite("Sum(Bar) + Baz");

        Assert.That(result.ToOriginalOffset(result.Text.IndexOf("Bar", StringComparison.Ordinal)), Is.EqualTo(4));
        Assert.That(result.ToOriginalOffset(result.Text.IndexOf("Baz", StringComparison.Ordinal)), Is.EqualTo(11));
        Assert.That(result.ToOriginalOffset(result.Text.IndexOf("Function", StringComparison.Ordinal)), Is.EqualTo(4));
    }

    [Test]
    public void Leaves_code_with_syntax_errors_alone()
    {
        var result = AggregateRewriter.Rewrite("Sum(Fields!A.Value");

        Assert.That(result.HasSyntaxErrors, Is.True);
        Assert.That(result.Text, Is.EqualTo("Sum(Fields!A.Value"));
    }
}
