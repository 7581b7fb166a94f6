using OpsBot.Rules.Events;
using OpsBot.Rules.Resources.Ec2Instance;

namespace OpsBot.Rules.Tests.Resources.Ec2Instance;

public class Ec2InstanceResourceTypeTests
{
    private static CloudTrailEvent Event(string eventName, string requestParameters, string responseElements) => CloudTrailEventReader.Read($$"""
        {
          "detail-type": "AWS API Call via CloudTrail", "source": "aws.ec2", "account": "111111111111",
          "region": "eu-west-1", "id": "e1", "time": "2026-11-20T11:00:00Z",
          "detail": {"eventSource": "ec2.amazonaws.com", "eventName": "{{eventName}}", "requestParameters": {{requestParameters}}, "responseElements": {{responseElements}}}
        }
        """);

    private static IEnumerable<string?> Ids(CloudTrailEvent cloudTrailEvent) => new Ec2InstanceResourceType().FindResources(cloudTrailEvent).Select(r => r.Id);

    [Fact]
    public void Every_instance_a_RunInstances_call_launched_is_found_in_its_response()
    {
        var run = Event("RunInstances", "{}", """{"instancesSet": {"items": [{"instanceId": "i-1"}, {"instanceId": "i-2"}, {"instanceId": "i-3"}]}}""");

        Assert.Equal(["i-1", "i-2", "i-3"], Ids(run));
    }

    [Fact]
    public void A_single_launched_instance_given_as_an_object_is_found()
    {
        var run = Event("RunInstances", "{}", """{"instancesSet": {"items": {"instanceId": "i-1"}}}""");

        Assert.Equal(["i-1"], Ids(run));
    }

    [Fact]
    public void ModifyInstanceMetadataOptions_names_its_instance_inside_its_nested_request()
    {
        var modify = Event("ModifyInstanceMetadataOptions", """{"ModifyInstanceMetadataOptionsRequest": {"InstanceId": "i-9", "HttpTokens": "optional"}}""", "null");

        Assert.Equal(["i-9"], Ids(modify));
    }

    [Fact]
    public void A_RunInstances_record_without_a_response_is_malformed() =>
        Assert.Throws<MalformedEventException>(() => Ids(Event("RunInstances", "{}", "null")));

    [Fact]
    public void What_RunInstances_requested_without_metadata_options_is_EC2s_default_which_allows_IMDSv1()
    {
        var run = Event("RunInstances", "{}", """{"instancesSet": {"items": [{"instanceId": "i-1"}]}}""");

        var requested = Assert.IsType<InstanceFact>(Assert.Single(new Ec2InstanceResourceType().Requested(run)));

        Assert.True(requested.IsV1Allowed);
    }

    [Fact]
    public void A_launch_from_a_template_says_nothing_of_its_metadata_options()
    {
        var run = Event("RunInstances", """{"launchTemplate": {"launchTemplateId": "lt-1"}}""", """{"instancesSet": {"items": [{"instanceId": "i-1"}]}}""");

        Assert.Empty(new Ec2InstanceResourceType().Requested(run));
    }
}
