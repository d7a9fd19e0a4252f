using System.Linq;
using Cybrid.Analyzers.Internal;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Cybrid.Analyzers.Tests.Foundation
{
    /// <summary>
    /// The type lookup every rule starts from: through the merged namespaces, with this compilation's own definition
    /// first and otherwise the one public definition among the references.
    /// </summary>
    public class WellKnownTypesTests
    {
        private static readonly MetadataReference CoreLibrary = MetadataReference.CreateFromFile(typeof(object).Assembly.Location);

        private static CSharpCompilation Compile(string source, params MetadataReference[] references)
            => CSharpCompilation.Create(
                "Test" + System.Guid.NewGuid().ToString("N"),
                new[] { CSharpSyntaxTree.ParseText(source) },
                new[] { CoreLibrary }.Concat(references),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        private static MetadataReference Library(string name, string source)
            => Compile(source).WithAssemblyName(name).ToMetadataReference();

        [Theory]
        [InlineData("System.TimeSpan", "TimeSpan", 0)]
        [InlineData("System.Span`1", "Span", 1)]
        [InlineData("System.Collections.Generic.Dictionary`2", "Dictionary", 2)]
        public void FindsFrameworkTypes_WithTheirArity(string metadataName, string name, int arity)
        {
            var type = WellKnownTypes.GetOrCreate(Compile("class C { }")).Get(metadataName);

            Assert.NotNull(type);
            Assert.Equal(name, type!.Name);
            Assert.Equal(arity, type.Arity);
        }

        [Theory]
        [InlineData("Serilog.Log")]
        [InlineData("System.NoSuchType")]
        [InlineData("System.Span`2")]
        [InlineData("System.TimeSpan`x")]
        [InlineData("NoNamespaceAtAll")]
        public void MissingTypesAndNamespaces_AreNull(string metadataName)
        {
            Assert.Null(WellKnownTypes.GetOrCreate(Compile("class C { }")).Get(metadataName));
        }

        [Fact]
        public void TypeOfTheGlobalNamespace_IsFound()
        {
            Assert.NotNull(WellKnownTypes.GetOrCreate(Compile("public class Widget { }")).Get("Widget"));
        }

        [Fact]
        public void ThisCompilationsOwnDefinition_WinsOverAReferencedOne()
        {
            var library = Library("Logging", "namespace Serilog { public static class Log { } }");
            var compilation = Compile("namespace Serilog { internal static class Log { } }", library);

            var type = WellKnownTypes.GetOrCreate(compilation).Get("Serilog.Log");

            Assert.NotNull(type);
            Assert.Equal(compilation.Assembly, type!.ContainingAssembly, SymbolEqualityComparer.Default);
        }

        [Fact]
        public void OnePublicDefinitionAmongReferences_IsFound_AndInternalOnesAreIgnored()
        {
            var publicOne = Library("Public", "namespace Serilog { public static class Log { } }");
            var internalOne = Library("Internal", "namespace Serilog { internal static class Log { } }");

            var type = WellKnownTypes.GetOrCreate(Compile("class C { }", publicOne, internalOne)).Get("Serilog.Log");

            Assert.NotNull(type);
            Assert.Equal("Public", type!.ContainingAssembly.Name);
        }

        [Fact]
        public void TwoPublicDefinitionsAmongReferences_AreAmbiguous()
        {
            var first = Library("First", "namespace Serilog { public static class Log { } }");
            var second = Library("Second", "namespace Serilog { public static class Log { } }");

            Assert.Null(WellKnownTypes.GetOrCreate(Compile("class C { }", first, second)).Get("Serilog.Log"));
        }

        [Fact]
        public void AnswersAreKeptPerCompilation()
        {
            var compilation = Compile("class C { }");
            var types = WellKnownTypes.GetOrCreate(compilation);

            Assert.Same(types, WellKnownTypes.GetOrCreate(compilation));
            Assert.Same(types.Get("System.TimeSpan"), types.Get("System.TimeSpan"));
            Assert.NotSame(types, WellKnownTypes.GetOrCreate(compilation.Clone()));
        }
    }
}
