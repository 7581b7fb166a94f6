using OpsBot.Rules.Facts;
using OpsBot.Rules.Resources.Ec2Instance;

namespace OpsBot.Rules.Tests.Resources.Ec2Instance;

public class InstanceStateReaderTests
{
    [Fact]
    public void Reads_every_instance_of_every_reservation_with_its_state_tags_and_metadata_options()
    {
        var instances = InstanceStateReader.Read("""
            {"Reservations": [
              {"Instances": [{"InstanceId": "i-1", "State": {"Code": 16, "Name": "running"}, "Tags": [{"Key": "opsbot:exempt", "Value": "true"}],
                              "MetadataOptions": {"State": "applied", "HttpTokens": "optional", "HttpPutResponseHopLimit": 2, "HttpEndpoint": "enabled"}}]},
              {"Instances": [{"InstanceId": "i-2", "MetadataOptions": {"HttpTokens": "required", "HttpEndpoint": "disabled", "HttpPutResponseHopLimit": "1"}}]}
            ]}
            """);

        Assert.Equal(["i-1", "i-2"], instances.Select(i => i.InstanceId));
        Assert.Equal(("running", "true", 2), (instances[0].State, instances[0].Tag("opsbot:exempt"), instances[0].MetadataOptions.HttpPutResponseHopLimit));
        Assert.True(instances[0].IsV1Allowed);
        Assert.Equal("disabled", instances[1].MetadataOptions.HttpEndpoint);
        Assert.False(instances[1].IsV1Allowed);
    }

    [Fact]
    public void An_instance_without_metadata_options_is_refused_with_its_id()
    {
        var error = Assert.Throws<StateFormatException>(() => InstanceStateReader.Read("""{"Reservations": [{"Instances": [{"InstanceId": "i-1"}]}]}"""));

        Assert.Contains("i-1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_that_is_not_describe_instances_output_is_refused() =>
        Assert.Throws<StateFormatException>(() => InstanceStateReader.Read("""[{"InstanceId": "i-1"}]"""));
}
