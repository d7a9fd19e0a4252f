using System;
using System.Collections.Generic;
using System.IO;

namespace Cybrid.Analyzers.PackageTests
{
    /// <summary>
    /// Packs Cybrid.Analyzers once into a local folder feed and prepares a consumer project that restores it into
    /// its own NuGet packages folder, so a stale copy of the same version in the user cache can never be tested.
    /// </summary>
    public sealed class PackageFixture : IDisposable
    {
        public const string Version = "0.0.1-packagetest";

        public PackageFixture()
        {
            Root = Path.Combine(Path.GetTempPath(), "cybrid-package-test-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            Feed = Path.Combine(Root, "feed");
            PackagesFolder = Path.Combine(Root, "packages");
            Directory.CreateDirectory(Feed);

            var project = Path.Combine(DotNet.RepositoryRoot, "src", "Cybrid.Analyzers.Package", "Cybrid.Analyzers.Package.csproj");
            Pack = DotNet.Run(DotNet.RepositoryRoot, "pack \"" + project + "\" -c Release -o \"" + Feed + "\" -p:Version=" + Version + " --disable-build-servers");
            PackagePath = Path.Combine(Feed, "Cybrid.Analyzers." + Version + ".nupkg");
        }

        public string Root { get; }

        public string Feed { get; }

        public string PackagesFolder { get; }

        public string PackagePath { get; }

        public CommandResult Pack { get; }

        /// <summary>Writes a consumer project into a new folder and restores it from the local feed only.</summary>
        public (string Directory, CommandResult Restore) CreateConsumer(string name, string programText, string? editorConfig = null, string extraProperties = "")
        {
            var directory = Path.Combine(Root, name);
            Directory.CreateDirectory(directory);
            File.WriteAllText(Path.Combine(directory, "Consumer.csproj"), @"<Project Sdk=""Microsoft.NET.Sdk"">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
" + extraProperties + @"
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include=""Cybrid.Analyzers"" Version=""" + Version + @""" />
  </ItemGroup>
</Project>
");
            File.WriteAllText(Path.Combine(directory, "nuget.config"), @"<?xml version=""1.0"" encoding=""utf-8""?>
<configuration>
  <packageSources>
    <clear />
    <add key=""local"" value=""" + Feed + @""" />
  </packageSources>
</configuration>
");
            File.WriteAllText(Path.Combine(directory, "Program.cs"), programText);
            if (editorConfig != null)
            {
                File.WriteAllText(Path.Combine(directory, ".editorconfig"), "root = true\n\n[*.cs]\n" + editorConfig + "\n");
            }

            var restore = DotNet.Run(directory, "restore --disable-build-servers", PackagesEnvironment());
            return (directory, restore);
        }

        /// <summary><c>dotnet build</c> of a consumer with the given extra environment (CI variables, …).</summary>
        public CommandResult Build(string directory, IDictionary<string, string>? environment = null, string arguments = "")
        {
            var variables = PackagesEnvironment();
            if (environment != null)
            {
                foreach (var pair in environment)
                {
                    variables[pair.Key] = pair.Value;
                }
            }

            return DotNet.Run(directory, "build --no-restore --no-incremental --disable-build-servers -nodeReuse:false " + arguments, variables);
        }

        /// <summary>Any other dotnet command in a consumer folder, with the consumer's packages folder.</summary>
        public CommandResult Run(string directory, string arguments) => DotNet.Run(directory, arguments, PackagesEnvironment());

        public void Dispose()
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // a leftover temp folder is harmless
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        private Dictionary<string, string> PackagesEnvironment() => new Dictionary<string, string> { ["NUGET_PACKAGES"] = PackagesFolder };
    }
}
