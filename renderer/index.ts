/**
 * The first screen until the full Builder UI lands: open a project and show its summary.
 */
type ShowResult =
  | {
      ok: true;
      value: {
        clusterName: string;
        servers: string[];
        groups: string[];
        resources: number;
        monitors: number;
      };
    }
  | { ok: false; error: { message: string } };

declare global {
  interface Window {
    api: { project: { show: (path: string) => Promise<ShowResult> } };
  }
}

const form = document.getElementById('open') as HTMLFormElement;
const input = document.getElementById('path') as HTMLInputElement;
const output = document.getElementById('summary') as HTMLPreElement;

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void window.api.project.show(input.value).then((result) => {
    output.textContent = result.ok
      ? `Cluster ${result.value.clusterName}\nServers: ${result.value.servers.join(', ')}\nGroups: ${result.value.groups.join(', ')}\nResources: ${result.value.resources}, monitors: ${result.value.monitors}`
      : result.error.message;
  });
});

export {};
