import { contextBridge, ipcRenderer } from 'electron'
import { createPreloadApi } from './create-preload-api'

contextBridge.exposeInMainWorld('api', createPreloadApi(ipcRenderer))
