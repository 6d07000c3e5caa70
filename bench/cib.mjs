// A Pacemaker CIB with N primitives (for `crm_verify -x`, the yardstick of the rules bench):
// two nodes, N/4 groups of four Dummy primitives, each with a monitor operation.
export function generateCib(primitives) {
  const groups = [];
  for (let group = 0; group < primitives / 4; group += 1) {
    const members = [];
    for (let index = 0; index < 4; index += 1) {
      const id = `rsc-${group}-${index}`;
      members.push(
        `        <primitive id="${id}" class="ocf" provider="pacemaker" type="Dummy">\n` +
          `          <operations><op id="${id}-monitor" name="monitor" interval="60s" timeout="120s"/></operations>\n` +
          '        </primitive>',
      );
    }
    groups.push(`      <group id="grp-${group}">\n${members.join('\n')}\n      </group>`);
  }
  return `<cib crm_feature_set="3.16.2" validate-with="pacemaker-3.9" epoch="1" num_updates="0" admin_epoch="0">
  <configuration>
    <crm_config>
      <cluster_property_set id="cib-bootstrap-options">
        <nvpair id="opt-stonith" name="stonith-enabled" value="false"/>
      </cluster_property_set>
    </crm_config>
    <nodes>
      <node id="1" uname="node1"/>
      <node id="2" uname="node2"/>
    </nodes>
    <resources>
${groups.join('\n')}
    </resources>
    <constraints/>
  </configuration>
  <status/>
</cib>
`;
}
