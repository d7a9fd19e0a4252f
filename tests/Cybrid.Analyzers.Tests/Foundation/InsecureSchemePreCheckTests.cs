using System.Linq;
using Cybrid.Analyzers.Internal;
using Cybrid.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace Cybrid.Analyzers.Tests.Foundation
{
    /// <summary>
    /// CYB0004 skips every value its allocation-free pre-check rejects, so the pre-check must never reject a value
    /// whose leading text is an http:// or ws:// URL (or the bare scheme, for UriBuilder).
    /// </summary>
    public class InsecureSchemePreCheckTests
    {
        private static IOperation ValueOf(string expression, LanguageVersion version = LanguageVersion.Latest)
        {
            var source = @"
class C
{
    const string Root = ""http://api.example.com"";
    const string Secure = ""https://api.example.com"";
    const string Empty = """";
    const string Scheme = ""http:"";
    static void M(string host, int n)
    {
        var value = " + expression + @";
    }
}";
            var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(version));
            var references = new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) };
            var compilation = CSharpCompilation.Create("t", new[] { tree }, references);
            var model = compilation.GetSemanticModel(tree);
            var declarator = tree.GetRoot().DescendantNodes().OfType<VariableDeclaratorSyntax>().Single(v => v.Identifier.Text == "value");
            return model.GetOperation(declarator.Initializer!.Value)!;
        }

        [Theory]
        [InlineData("\"http://api.example.com/a\"")]
        [InlineData("\"HTTP://API.EXAMPLE.COM\"")]
        [InlineData("\"ws://stream.example.com\"")]
        [InlineData("\"http\"")]
        [InlineData("\"ws\"")]
        [InlineData("Root")]
        [InlineData("Root + \"/items\"")]
        [InlineData("\"http://\" + host + \"/api\"")]
        [InlineData("\"http:\" + \"//\" + host")]
        [InlineData("Scheme + \"//\" + host")]
        [InlineData("Empty + \"http://\" + host")]
        [InlineData("\"\" + \"http://\" + host")]
        [InlineData("$\"http://{host}/api\"")]
        [InlineData("$\"{Root}/api\"")]
        [InlineData("$\"{Empty}http://{host}\"")]
        [InlineData("(string)(\"http://\" + host)")]
        public void LeadingInsecureScheme_PassesThePreCheck(string expression)
        {
            var value = ValueOf(expression);
            Assert.True(PlainHttpUriAnalyzer.MayStartWithInsecureScheme(value));
        }

        [Theory]
        [InlineData("$\"{Root}/api\"")]
        [InlineData("$\"{Empty}http://{host}\"")]
        public void LeadingInsecureScheme_PassesThePreCheckInCSharp73(string expression)
        {
            Assert.True(PlainHttpUriAnalyzer.MayStartWithInsecureScheme(ValueOf(expression, LanguageVersion.CSharp7_3)));
        }

        [Theory]
        [InlineData("host")]
        [InlineData("\"https://api.example.com\"")]
        [InlineData("Secure + \"/items\"")]
        [InlineData("\"Customer \" + host + \" was created\"")]
        [InlineData("$\"Order {n} shipped\"")]
        [InlineData("\"\"")]
        [InlineData("host + \"http://x\"")]
        [InlineData("n.ToString()")]
        public void OtherValues_AreRejectedCheaply(string expression)
        {
            var value = ValueOf(expression);
            Assert.False(PlainHttpUriAnalyzer.MayStartWithInsecureScheme(value));
        }

        /// <summary>Whatever the pre-check rejects, the full leading-text check finds no insecure URL in either.</summary>
        [Theory]
        [InlineData("host")]
        [InlineData("\"https://api.example.com\"")]
        [InlineData("host + \"http://x\"")]
        [InlineData("$\"Order {n} shipped\"")]
        public void Rejected_AgreesWithTheFullCheck(string expression)
        {
            var value = ValueOf(expression);
            var found = ConstantStrings.TryGetLeadingText(value, out var text, out _)
                        && (text.StartsWith("http://", System.StringComparison.OrdinalIgnoreCase) || text.StartsWith("ws://", System.StringComparison.OrdinalIgnoreCase));
            Assert.False(found);
        }
    }
}
