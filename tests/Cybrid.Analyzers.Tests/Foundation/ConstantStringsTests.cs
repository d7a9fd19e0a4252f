using System.Linq;
using Cybrid.Analyzers.Internal;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace Cybrid.Analyzers.Tests.Foundation
{
    public class ConstantStringsTests
    {
        private static IOperation ValueOf(string expression, LanguageVersion version = LanguageVersion.Latest)
        {
            var source = @"
class C
{
    const string Root = ""http://api.example.com"";
    const string Items = Root + ""/items"";
    static void M(string host, int n)
    {
        var value = " + expression + @";
    }
}";
            var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(version));
            var references = new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location), MetadataReference.CreateFromFile(typeof(System.Text.Encoding).Assembly.Location) };
            var compilation = CSharpCompilation.Create("t", new[] { tree }, references);
            var model = compilation.GetSemanticModel(tree);
            var declarator = tree.GetRoot().DescendantNodes().OfType<VariableDeclaratorSyntax>().Single(v => v.Identifier.Text == "value");
            return model.GetOperation(declarator.Initializer!.Value)!;
        }

        [Theory]
        [InlineData("\"abc\"", "abc")]
        [InlineData("Items", "http://api.example.com/items")]
        [InlineData("Root + \"/x\" + \"/y\"", "http://api.example.com/x/y")]
        [InlineData("$\"{Root}/quotes\"", "http://api.example.com/quotes")]
        [InlineData("@\"c:\\dir\"", "c:\\dir")]
        public void TryFold_FoldsConstantExpressions(string expression, string expected)
        {
            Assert.True(ConstantStrings.TryFold(ValueOf(expression), out var value));
            Assert.Equal(expected, value);
        }

        [Fact]
        public void TryFold_FoldsConstantInterpolationInCSharp73()
        {
            // C# 7.3 does not fold constant interpolated strings itself
            Assert.True(ConstantStrings.TryFold(ValueOf("$\"{Root}/quotes\"", LanguageVersion.CSharp7_3), out var value));
            Assert.Equal("http://api.example.com/quotes", value);
        }

        [Theory]
        [InlineData("host")]
        [InlineData("\"a\" + host")]
        [InlineData("$\"x{n}\"")]
        [InlineData("$\"{Root,10}\"")]
        public void TryFold_RejectsNonConstantParts(string expression)
        {
            Assert.False(ConstantStrings.TryFold(ValueOf(expression), out _));
        }

        [Theory]
        [InlineData("\"http://\" + host + \"/api\"", "http://", SyntaxKind.StringLiteralExpression)]
        [InlineData("$\"http://{host}/api\"", "http://", SyntaxKind.InterpolatedStringExpression)]
        [InlineData("Root + \"/\" + host", "http://api.example.com/", SyntaxKind.IdentifierName)]
        [InlineData("\"\" + $\"ws://{host}\"", "ws://", SyntaxKind.InterpolatedStringExpression)]
        public void TryGetLeadingText_FindsTheConstantPrefixAndItsOrigin(string expression, string prefix, SyntaxKind originKind)
        {
            Assert.True(ConstantStrings.TryGetLeadingText(ValueOf(expression), out var text, out var origin));
            Assert.Equal(prefix, text);
            Assert.Equal(originKind, origin.Syntax.Kind());
        }

        [Theory]
        [InlineData("host + \"http://\"")]
        [InlineData("$\"{host}http://\"")]
        public void TryGetLeadingText_RequiresConstantStart(string expression)
        {
            Assert.False(ConstantStrings.TryGetLeadingText(ValueOf(expression), out _, out _));
        }

        [Theory]
        [InlineData("\"key\"u8.ToArray()", false, "")]
        [InlineData("new byte[] { 0x0a, 0xff }", true, "0aff")]
        [InlineData("System.Text.Encoding.UTF8.GetBytes(\"k3y\")", true, "k3y")]
        [InlineData("System.Text.Encoding.ASCII.GetBytes(Root)", true, "http://api.example.com")]
        [InlineData("System.Convert.FromBase64String(\"AAEC\")", true, "AAEC")]
        [InlineData("new byte[] { (byte)n }", false, "")]
        [InlineData("new byte[0]", false, "")]
        public void TryFoldBytes_ReadsConstantByteSources(string expression, bool expected, string text)
        {
            Assert.Equal(expected, ConstantStrings.TryFoldBytes(ValueOf(expression), out var actual));
            Assert.Equal(text, actual);
        }

        [Fact]
        public void TryFoldBytes_ReadsUtf8Literal()
        {
            var operation = ValueOf("\"k3y\"u8");
            Assert.True(ConstantStrings.TryFoldBytes(operation, out var text));
            Assert.Equal("k3y", text);
        }
    }
}
