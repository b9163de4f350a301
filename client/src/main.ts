/** Boots the Kubetown client into #app. */
import './styles/base.css';
import { startApp } from './app.js';

void startApp(document.getElementById('app')!);
