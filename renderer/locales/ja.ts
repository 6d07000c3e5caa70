/**
 * Japanese UI strings (started; keys missing here fall back to English). The product's own
 * Japanese terms are used where the Builder has them (グループリソース, モニタリソース).
 */
export const ja = {
  app: { title: 'Cluster Builder', dirty: '未保存の変更' },
  toolbar: {
    undo: '元に戻す',
    redo: 'やり直し',
    save: '保存',
    saveAnyway: '上書き保存',
    open: '開く',
    openPlaceholder: 'プロジェクトフォルダ、clp.conf または .zip',
  },
  tabs: { properties: 'プロパティ', conf: 'clp.conf' },
  tree: {
    label: 'クラスタ',
    servers: 'サーバ',
    heartbeats: 'ハートビート',
    networkPartitions: 'ネットワークパーティション解決',
    groups: 'グループ',
    monitors: 'モニタ',
  },
  kind: {
    cluster: 'クラスタ',
    server: 'サーバ',
    heartbeat: 'ハートビート',
    networkpartition: 'ネットワークパーティション解決',
    group: 'グループ',
    resource: 'グループリソース',
    monitor: 'モニタリソース',
  },
  properties: {
    title: 'プロパティ',
    none: 'ツリーでクラスタ、サーバ、グループ、リソース、モニタを選択してください。',
    settings: '設定',
    parameters: 'すべてのパラメータ',
  },
  field: { finalAction: '最終動作', userwMethod: '監視方法', genwSync: '監視タイプ' },
  option: { default: '製品の既定値', synchronous: '同期', asynchronous: '非同期' },
  finalAction: {
    '1': '何もしない',
    '2': 'グループ停止',
    '3': 'クラスタサービス停止',
    '4': 'クラスタサービス停止とOSシャットダウン',
    '5': 'クラスタサービス停止とOS再起動',
  },
  problems: {
    title: '問題',
    none: '問題はありません。',
    quickFix: 'クイックフィックス',
    errors_other: 'エラー {{count}} 件',
    warnings_other: '警告 {{count}} 件',
    infos_other: '情報 {{count}} 件',
  },
  severity: { error: 'エラー', warning: '警告', info: '情報' },
  status: { ready: '準備完了', noProject: 'プロジェクトが開かれていません' },
  conf: { note: 'XML が正しく解析できると、ツリーとフォームに反映されます。' },
};
